using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;

namespace Sykefravaer.Api.Veileder;

/// <summary>An SVG <c>text</c> element, which Razor cannot write itself (it reserves the tag); the content encoded.</summary>
public static class SvgText
{
    public static MarkupString Of(double x, double y, string content, string cssClass, string anchor) =>
        new(string.Create(
            CultureInfo.InvariantCulture,
            $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" class=\"{cssClass}\">{HtmlEncoder.Default.Encode(content)}</text>"));
}
