using System.Globalization;
using System.Text;

namespace EvidenceCatalog.Runtime.Workpaper;

/// <summary>
/// Writes HTML text. Every value from a report goes through <see cref="Text"/> or <see cref="Attribute"/>, which escape
/// it, so a report string (an organisation's name, a vendor's mitigation) can never become markup or script.
/// </summary>
internal sealed class HtmlBuilder
{
    private readonly StringBuilder html = new(256 * 1024);

    /// <summary>Markup written by the renderer itself, never a report value.</summary>
    public HtmlBuilder Raw(string markup)
    {
        html.Append(markup);
        return this;
    }

    /// <summary>A report value as element content, escaped.</summary>
    public HtmlBuilder Text(string? value)
    {
        Escape(value ?? string.Empty);
        return this;
    }

    /// <summary>An integer, grouped in thousands, invariant.</summary>
    public HtmlBuilder Number(long value)
    {
        html.Append(value.ToString("N0", CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary><c> name="value"</c>, the value escaped.</summary>
    public HtmlBuilder Attribute(string name, string? value)
    {
        html.Append(' ').Append(name).Append("=\"");
        Escape(value ?? string.Empty);
        html.Append('"');
        return this;
    }

    /// <summary><c>&lt;tag&gt;text&lt;/tag&gt;</c>, the text escaped.</summary>
    public HtmlBuilder Element(string tag, string? text, string? cssClass = null)
    {
        html.Append('<').Append(tag);
        if (cssClass is not null)
        {
            Attribute("class", cssClass);
        }

        html.Append('>');
        Escape(text ?? string.Empty);
        html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>A table cell holding a number, right-aligned.</summary>
    public HtmlBuilder NumberCell(long value)
    {
        html.Append("<td class=\"num\">");
        Number(value);
        html.Append("</td>");
        return this;
    }

    public override string ToString() => html.ToString();

    /// <summary>
    /// Escapes the five characters that can end text or an attribute; C0 controls other than tab, line feed and carriage
    /// return (which HTML does not allow as text) become U+FFFD; everything else, non-ASCII included, is written as it is.
    /// </summary>
    private void Escape(string value)
    {
        foreach (char c in value)
        {
            switch (c)
            {
                case '&':
                    html.Append("&amp;");
                    break;
                case '<':
                    html.Append("&lt;");
                    break;
                case '>':
                    html.Append("&gt;");
                    break;
                case '"':
                    html.Append("&quot;");
                    break;
                case '\'':
                    html.Append("&#39;");
                    break;
                case < ' ' and not ('\t' or '\n' or '\r'):
                case '\u007f':
                    html.Append('\uFFFD');
                    break;
                default:
                    html.Append(c);
                    break;
            }
        }
    }
}
