using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using EvidenceCatalog.Model;
using Xunit;

namespace EvidenceCatalog.Compiler.Tests;

/// <summary>
/// The fingerprint cannot silently miss a field: a walk over every record reachable from <see cref="CatalogModel"/> builds a
/// model with a distinct value in every field, then changes one value at a time (and empties or grows each list, and
/// nulls each optional value) and requires a different fingerprint each time. A new field is walked without being named.
/// </summary>
public sealed class CatalogFingerprintTests
{
    public static IEnumerable<object[]> Edits() => ModelWalk.Edits().Select(e => new object[] { e });

    [Theory]
    [MemberData(nameof(Edits))]
    public void Every_value_of_the_model_reaches_the_fingerprint(string edit)
    {
        var original = (CatalogModel)ModelWalk.Build(typeof(CatalogModel), "model", nullable: false, edit: null)!;
        var edited = (CatalogModel)ModelWalk.Build(typeof(CatalogModel), "model", nullable: false, edit)!;

        Assert.NotEqual(original, edited);
        Assert.NotEqual(original.Fingerprint, edited.Fingerprint);
    }

    [Fact]
    public void The_walk_reaches_every_settable_property_of_every_model_record()
    {
        var records = ModelWalk.Records();

        Assert.Contains(typeof(ProcedureStep), records);
        Assert.All(records, type => Assert.Equal(
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null).Select(p => p.Name).Order(StringComparer.Ordinal),
            ModelWalk.ConstructorOf(type).GetParameters().Select(p => p.Name!).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void A_model_changed_with_a_with_expression_has_the_fingerprint_of_its_content()
    {
        var model = (CatalogModel)ModelWalk.Build(typeof(CatalogModel), "model", nullable: false, edit: null)!;
        var withoutVendors = model with { Vendors = EquatableArray<Vendor>.Empty };
        var rebuilt = (CatalogModel)ModelWalk.Build(typeof(CatalogModel), "model", nullable: false, "model.Vendors: empty")!;

        Assert.Equal(rebuilt.Fingerprint, withoutVendors.Fingerprint);
        Assert.NotEqual(model.Fingerprint, withoutVendors.Fingerprint);
    }

    /// <summary>Builds models by reflection, each value derived from its path so that one edit changes nothing else.</summary>
    private static class ModelWalk
    {
        private static readonly NullabilityInfoContext Nullability = new();

        public static ConstructorInfo ConstructorOf(Type record) =>
            record.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();

        /// <summary>Every record type of the model reachable from <see cref="CatalogModel"/>.</summary>
        public static IReadOnlyList<Type> Records()
        {
            var found = new List<Type>();
            void Visit(Type type)
            {
                type = Nullable.GetUnderlyingType(type) ?? type;
                if (ElementOf(type) is { } element)
                {
                    Visit(element);
                }
                else if (IsRecord(type) && !found.Contains(type))
                {
                    found.Add(type);
                    foreach (var parameter in ConstructorOf(type).GetParameters())
                    {
                        Visit(parameter.ParameterType);
                    }
                }
            }

            Visit(typeof(CatalogModel));
            return found;
        }

        /// <summary>Every edit, written <c>path: kind</c>: a changed value, a null optional value, an emptied or grown list.</summary>
        public static IEnumerable<string> Edits()
        {
            var edits = new List<string>();
            void Walk(Type type, string path, bool nullable)
            {
                var underlying = Nullable.GetUnderlyingType(type) ?? type;
                if (nullable)
                {
                    edits.Add(path + ": null");
                }

                if (ElementOf(underlying) is { } element)
                {
                    edits.Add(path + ": empty");
                    edits.Add(path + ": grown");
                    Walk(element, path + "[0]", nullable: false);
                }
                else if (IsRecord(underlying))
                {
                    foreach (var parameter in ConstructorOf(underlying).GetParameters())
                    {
                        Walk(parameter.ParameterType, path + "." + parameter.Name, IsNullable(parameter));
                    }
                }
                else
                {
                    edits.Add(path + ": changed");
                }
            }

            Walk(typeof(CatalogModel), "model", nullable: false);
            return edits;
        }

        public static object? Build(Type type, string path, bool nullable, string? edit)
        {
            if (nullable && edit == path + ": null")
            {
                return null;
            }

            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            if (ElementOf(underlying) is { } element)
            {
                int count = edit == path + ": empty" ? 0 : edit == path + ": grown" ? 2 : 1;
                var items = Enumerable.Range(0, count).Select(i => Build(element, path + "[" + i + "]", nullable: false, edit)).ToArray();
                var typed = Array.CreateInstance(element, count);
                Array.Copy(items, typed, count);
                return Activator.CreateInstance(underlying, [typed]);
            }

            if (IsRecord(underlying))
            {
                var constructor = ConstructorOf(underlying);
                return constructor.Invoke(constructor.GetParameters().Select(p => Build(p.ParameterType, path + "." + p.Name, IsNullable(p), edit)).ToArray());
            }

            return Leaf(underlying, path, changed: edit == path + ": changed");
        }

        private static object Leaf(Type type, string path, bool changed)
        {
            int seed = path.Aggregate(17, (hash, c) => unchecked((hash * 31) + c)) & 0x3FF;
            int n = seed + (changed ? 1 : 0);
            if (type == typeof(string))
            {
                return changed ? path + " (changed)" : path;
            }

            if (type == typeof(int))
            {
                return n;
            }

            if (type == typeof(bool))
            {
                return changed;
            }

            if (type.IsEnum)
            {
                var values = Enum.GetValues(type);
                return values.GetValue(n % values.Length)!;
            }

            if (type == typeof(CalendarDate))
            {
                return new CalendarDate(2026, 1 + (seed % 12), 1 + (n % 28));
            }

            throw new InvalidOperationException("The model holds a " + type + " at " + path + ", which this walk does not know how to vary: teach it, so that the fingerprint test covers it.");
        }

        private static bool IsRecord(Type type) =>
            type.Namespace == typeof(CatalogModel).Namespace && type.IsClass && type.GetMethod("<Clone>$") is not null;

        private static Type? ElementOf(Type type) =>
            type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>) ? type.GetGenericArguments()[0] : null;

        private static bool IsNullable(ParameterInfo parameter) =>
            Nullable.GetUnderlyingType(parameter.ParameterType) is not null || Nullability.Create(parameter).ReadState == NullabilityState.Nullable;
    }
}
