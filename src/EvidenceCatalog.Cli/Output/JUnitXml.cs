using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace EvidenceCatalog.Cli.Output;

/// <summary>One test case of a JUnit report: a failure when it has one.</summary>
/// <param name="Name">The case's name (a file path, a finding).</param>
/// <param name="ClassName">What CI test tabs group cases by.</param>
/// <param name="Failure">Why it failed, or null when it passed.</param>
internal sealed record JUnitCase(string Name, string ClassName, JUnitFailure? Failure);

/// <param name="Message">One line: what failed.</param>
/// <param name="Type">The kind of failure (a diagnostic or finding id).</param>
/// <param name="Text">The details, one line each.</param>
internal sealed record JUnitFailure(string Message, string Type, string Text);

/// <summary>
/// A JUnit XML report as CI test tabs read it (Jenkins, GitLab, Azure Pipelines, GitHub test-report actions): one
/// <c>testsuites</c> holding one <c>testsuite</c>. It is valid against both widely used schemas, the Apache Ant JUnit
/// schema (which asks for <c>timestamp</c>, <c>hostname</c>, <c>properties</c>, <c>system-out</c> and <c>system-err</c>)
/// and Jenkins xunit's junit-10.xsd. The host is always <c>localhost</c>, so no machine name leaks into a CI artefact.
/// </summary>
internal static class JUnitXml
{
    public static void Write(TextWriter writer, string suiteName, IReadOnlyList<JUnitCase> cases, IEnumerable<string> systemOut, DateTimeOffset timestamp)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", Safe(suiteName));
            xml.WriteAttributeString("package", Safe(suiteName));
            xml.WriteAttributeString("id", "0");
            xml.WriteAttributeString("timestamp", timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            xml.WriteAttributeString("hostname", "localhost");
            xml.WriteAttributeString("tests", Number(cases.Count));
            xml.WriteAttributeString("failures", Number(cases.Count(c => c.Failure is not null)));
            xml.WriteAttributeString("errors", "0");
            xml.WriteAttributeString("skipped", "0");
            xml.WriteAttributeString("time", "0");
            xml.WriteStartElement("properties");
            xml.WriteEndElement();
            foreach (var testCase in cases)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("name", Safe(testCase.Name));
                xml.WriteAttributeString("classname", Safe(testCase.ClassName));
                xml.WriteAttributeString("time", "0");
                if (testCase.Failure is { } failure)
                {
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("message", Safe(failure.Message));
                    xml.WriteAttributeString("type", Safe(failure.Type));
                    xml.WriteString(Safe(failure.Text));
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteElementString("system-out", Safe(string.Join("\n", systemOut)));
            xml.WriteElementString("system-err", string.Empty);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        writer.WriteLine();
    }

    /// <summary>The text with every character XML 1.0 cannot hold (control characters, lone surrogates) written as <c>\uXXXX</c>.</summary>
    internal static string Safe(string text)
    {
        StringBuilder? safe = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            bool allowed = pair || (XmlConvert.IsXmlChar(c) && c != '\r');
            if (pair)
            {
                (safe ??= new StringBuilder(text, 0, i, text.Length + 16)).Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (allowed)
            {
                safe?.Append(c);
            }
            else
            {
                (safe ??= new StringBuilder(text, 0, i, text.Length + 16)).Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return safe?.ToString() ?? text;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
