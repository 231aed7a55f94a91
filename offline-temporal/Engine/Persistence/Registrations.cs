using Temporalio.Api.Enums.V1;

namespace Sykefravaer.OfflineTemporal.Engine.Persistence;

/// <summary>Namespaces and search attributes registered at run time, kept so a restart knows them too.</summary>
internal static class Registrations
{
    private const string NamespaceKind = "namespace";
    private const string SearchAttributeKind = "search-attribute";

    public static void Restore(TemporalEngine engine, DurableStore store)
    {
        foreach (var (kind, name, value) in store.LoadRegistrations())
        {
            switch (kind)
            {
                case NamespaceKind:
                    engine.Namespaces.Register(name);
                    break;
                case SearchAttributeKind when Enum.TryParse<IndexedValueType>(value, out var type):
                    engine.SearchAttributes.Add(name, type);
                    break;
            }
        }
    }

    public static void NamespaceRegistered(TemporalEngine engine, string name) =>
        engine.Durability?.SaveRegistration(NamespaceKind, name, "");

    public static void SearchAttributeAdded(TemporalEngine engine, string name, IndexedValueType type) =>
        engine.Durability?.SaveRegistration(SearchAttributeKind, name, type.ToString());

    public static void SearchAttributeRemoved(TemporalEngine engine, string name) =>
        engine.Durability?.DeleteRegistration(SearchAttributeKind, name);
}
