using System.Text;
using System.Text.RegularExpressions;

namespace Kboss.Domain.Messages;

/// <summary>
/// Placeholder rendering (analysis/platform.md §4.3): <c>$name</c> or <c>${name}</c> with name
/// <c>[A-Za-z_][A-Za-z0-9_]*</c>, matched as a whole identifier (<c>$price</c> never matches inside
/// <c>$price_total</c>). Values are HTML-escaped when inserted (a value from a customer can't add markup to an
/// operator's template); unknown placeholders stay literally and are reported.
/// </summary>
public static partial class TemplateText
{
    [GeneratedRegex(@"\$\{(?<n>[A-Za-z_][A-Za-z0-9_]*)\}|\$(?<n>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Placeholder();

    /// <summary>Renders <paramref name="template"/> with <paramref name="values"/>.</summary>
    /// <returns>The text and the names of placeholders that had no value (kept literally).</returns>
    public static (string Text, IReadOnlyList<string> Unknown) Render(string template,
        IReadOnlyDictionary<string, string> values)
    {
        var unknown = new List<string>();
        var text = Placeholder().Replace(template, m =>
        {
            var name = m.Groups["n"].Value;
            if (values.TryGetValue(name, out var value)) return Escape(value);
            unknown.Add(name);
            return m.Value;
        });
        return (text, unknown);
    }

    /// <summary>HTML-escapes <c>&amp; &lt; &gt; " '</c> (everything else, Chinese included, is kept).</summary>
    public static string Escape(string value)
    {
        var b = new StringBuilder(value.Length);
        foreach (var ch in value)
            b.Append(ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => ch.ToString(),
            });
        return b.ToString();
    }
}
