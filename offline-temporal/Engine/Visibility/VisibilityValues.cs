using System.Globalization;

namespace Sykefravaer.OfflineTemporal.Engine.Visibility;

/// <summary>Compares an attribute value with a query literal, coercing the literal to the attribute's type.</summary>
internal static class VisibilityValues
{
    public static bool Compare(object? value, string op, object literal)
    {
        switch (value)
        {
            case null:
                return false;
            case List<object?> list:
                // A keyword list matches "=" when any element does, and "!=" when none does.
                return op is "!=" or "<>"
                    ? !list.Any(element => Compare(element, "=", literal))
                    : list.Any(element => Compare(element, op, literal));
        }
        var order = value switch
        {
            DateTime time => SearchAttributeValues.AsDateTime(literal) is { } other ? time.CompareTo(other) : (int?)null,
            double number => ToDouble(literal) is { } other ? number.CompareTo(other) : null,
            bool flag => literal is bool other ? flag.CompareTo(other) : literal is string text && bool.TryParse(text, out var parsed) ? flag.CompareTo(parsed) : null,
            string text => literal is string other ? string.CompareOrdinal(text, other) : null,
            _ => null,
        };
        if (order is not { } result)
        {
            return false;
        }
        return op switch
        {
            "=" => result == 0,
            "!=" or "<>" => result != 0,
            "<" => result < 0,
            "<=" => result <= 0,
            ">" => result > 0,
            ">=" => result >= 0,
            _ => throw new FormatException($"Unknown operator {op}"),
        };
    }

    private static double? ToDouble(object literal) => literal switch
    {
        double number => number,
        string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
