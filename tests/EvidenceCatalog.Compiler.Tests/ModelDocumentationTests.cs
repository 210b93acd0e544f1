using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EvidenceCatalog.Model;
using Xunit;

namespace EvidenceCatalog.Compiler.Tests;

/// <summary>
/// The Model package's XML documentation (what IntelliSense shows on <c>Vendor.Risk</c>) documents every property of
/// every record, and a property read from a catalog says what the schema's description says.
/// </summary>
public sealed class ModelDocumentationTests
{
    /// <summary>Each record read from a schema object, by the schema file and the JSON pointer of that object.</summary>
    private static readonly (string Schema, string Pointer, Type Record)[] SchemaObjects =
    {
        ("vendors.schema.json", "/definitions/vendor", typeof(Vendor)),
        ("controls.schema.json", "/definitions/control", typeof(Control)),
        ("controls.schema.json", "/definitions/evidenceRule", typeof(EvidenceRule)),
        ("controls.schema.json", "/definitions/minimum", typeof(EvidenceMinimum)),
        ("controls.schema.json", "/definitions/failures", typeof(FailureLimit)),
        ("controls.schema.json", "/definitions/manual", typeof(ManualEvidence)),
        ("access.schema.json", "/definitions/role", typeof(Role)),
        ("access.schema.json", "/definitions/permissionCategory", typeof(PermissionCategory)),
        ("access.schema.json", "/definitions/permission", typeof(Permission)),
        ("access.schema.json", "/definitions/roleMapping", typeof(RoleMapping)),
        ("encryption.schema.json", "/definitions/encryptionEntry", typeof(EncryptionControl)),
        ("events.schema.json", "/definitions/eventType", typeof(EventType)),
        ("events.schema.json", "/definitions/metric", typeof(SecurityMetric)),
        ("framework.schema.json", "/definitions/framework", typeof(Framework)),
        ("framework.schema.json", "/definitions/criterion", typeof(Criterion)),
        ("runbooks.schema.json", "/definitions/severity", typeof(Severity)),
        ("runbooks.schema.json", "/definitions/procedure", typeof(Procedure)),
        ("runbooks.schema.json", "/definitions/step", typeof(ProcedureStep)),
        ("policies.schema.json", "", typeof(CompliancePolicies)),
        ("policies.schema.json", "/definitions/organization", typeof(Organization)),
        ("policies.schema.json", "/definitions/dataCategory", typeof(DataCategory)),
        ("policies.schema.json", "/definitions/piiDetection", typeof(PiiDetection)),
        ("policies.schema.json", "/definitions/retention", typeof(RetentionPolicy)),
    };

    private static readonly Lazy<Dictionary<string, string>> Summaries = new(() =>
        XDocument.Load(Path.ChangeExtension(typeof(Vendor).Assembly.Location, ".xml"))
            .Descendants("member")
            .Where(m => m.Element("summary") is not null)
            .ToDictionary(m => (string)m.Attribute("name")!, m => Normalize(m.Element("summary")!.Value), StringComparer.Ordinal));

    [Theory]
    [InlineData("P:EvidenceCatalog.Model.Vendor.Risk", "Inherent risk level of the vendor relationship.")]
    [InlineData("P:EvidenceCatalog.Model.Control.Criteria", "The criteria this control satisfies, by id (e.g. CC6.1). Each must exist in an active framework.")]
    public void The_shipped_documentation_file_describes_the_property(string member, string summary) =>
        Assert.Equal(summary, Summaries.Value.GetValueOrDefault(member));

    [Fact]
    public void Every_public_property_of_every_model_record_is_documented()
    {
        var records = typeof(Vendor).Assembly.GetExportedTypes().Where(t => t.GetMethod("<Clone>$") is not null || (t.IsValueType && t.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null));
        var undocumented = records
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => "P:" + t.FullName + "." + p.Name))
            .Where(member => string.IsNullOrEmpty(Summaries.Value.GetValueOrDefault(member)))
            .ToList();
        Assert.True(records.Count() > 20, "records found: " + records.Count());
        Assert.True(undocumented.Count == 0, string.Join(Environment.NewLine, undocumented));
    }

    [Fact]
    public void A_property_read_from_a_catalog_is_documented_with_the_schema_description()
    {
        var mismatched = new List<string>();
        foreach (var (schema, pointer, record) in SchemaObjects)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "schemas", schema)));
            var node = pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate(document.RootElement, (n, part) => n.GetProperty(part));
            int matched = 0;
            foreach (var property in node.GetProperty("properties").EnumerateObject())
            {
                string name = char.ToUpperInvariant(property.Name[0]) + property.Name.Substring(1);
                if (record.GetProperty(name) is null || !property.Value.TryGetProperty("description", out var description))
                {
                    continue; // 'kind', and values the model holds under another name (soc2TypeII.status is Vendor.Soc2TypeII)
                }

                matched++;
                string member = "P:" + record.FullName + "." + name;
                if (Summaries.Value.GetValueOrDefault(member) != Normalize(description.GetString()!))
                {
                    mismatched.Add(member + " is not documented as " + schema + "#" + pointer + "/properties/" + property.Name + " describes it");
                }
            }

            Assert.True(matched > 0, record.Name + " matches no property of " + schema + "#" + pointer);
        }

        Assert.Empty(mismatched);
    }

    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
