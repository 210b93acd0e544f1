using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Reflection;
using EvidenceCatalog.Catalogs;
using EvidenceCatalog.Cli.Caching;
using EvidenceCatalog.Model;
using Xunit;

namespace EvidenceCatalog.Cli.Tests.Caching;

/// <summary>
/// The compiled-catalog cache's bytes (<see cref="CatalogModelCodec"/>): every member of every model record comes back
/// exactly, present or absent, and bytes that are not a whole entry are refused as damaged, never half-read.
/// </summary>
public sealed class CatalogModelCodecTests
{
    private static byte[] Bytes(CatalogModel model)
    {
        using var stream = new MemoryStream();
        CatalogModelCodec.Write(stream, new CachedCatalog(CompiledCatalogCache.Format, "key", model));
        return stream.ToArray();
    }

    private static CachedCatalog RoundTrip(CatalogModel model) => CatalogModelCodec.Read(Bytes(model), CompiledCatalogCache.Format)!;

    [Fact]
    public void The_sample_organisation_comes_back_equal_with_its_fingerprint()
    {
        var model = GeneratedEvidenceCatalog.Instance.Model;

        var entry = RoundTrip(model);

        Assert.Equal(model, entry.Model);
        Assert.Equal(model.Fingerprint, entry.Model.Fingerprint);
        Assert.Equal("key", entry.Key);
        Assert.Equal(CompiledCatalogCache.Format, entry.Format);
    }

    [Fact]
    public void Every_member_of_every_record_comes_back_in_its_place()
    {
        // Every string, number, date and enum differs from every other, so a member written in another's place, or left
        // out, changes the model; strings hold a lone surrogate and characters outside the BMP.
        var model = (CatalogModel)new ModelValues(present: true).Make(typeof(CatalogModel))!;

        Assert.Equal(model, RoundTrip(model).Model);
        Assert.NotNull(model.Policies?.Staleness);
        Assert.NotEmpty(model.Sources[0].Rules[0].Outcome.Map);
    }

    [Fact]
    public void Absent_members_and_empty_lists_come_back_absent_and_empty()
    {
        var model = (CatalogModel)new ModelValues(present: false).Make(typeof(CatalogModel))!;

        Assert.Equal(model, RoundTrip(model).Model);
        Assert.Null(model.Policies);
        Assert.Null(model.AccessLastReviewed);
    }

    [Fact]
    public void Bytes_cut_short_or_followed_by_more_are_damaged()
    {
        byte[] bytes = Bytes(GeneratedEvidenceCatalog.Instance.Model);

        for (int length = 0; length < bytes.Length; length += 97)
        {
            Assert.Throws<InvalidDataException>(() => CatalogModelCodec.Read(bytes.AsSpan(0, length), CompiledCatalogCache.Format));
        }

        Assert.Throws<InvalidDataException>(() => CatalogModelCodec.Read([.. bytes, 0], CompiledCatalogCache.Format));
    }

    [Fact]
    public void Bytes_of_another_layout_are_not_read()
    {
        byte[] bytes = Bytes(GeneratedEvidenceCatalog.Instance.Model);

        Assert.Null(CatalogModelCodec.Read(bytes, CompiledCatalogCache.Format + 1));
    }

    [Fact]
    public void Any_changed_byte_is_damage_never_another_model_or_an_exception_of_another_kind()
    {
        byte[] bytes = Bytes(GeneratedEvidenceCatalog.Instance.Model);

        for (int at = 0; at < bytes.Length; at += 61)
        {
            byte[] changed = (byte[])bytes.Clone();
            changed[at] ^= 0x5A;
            try
            {
                var read = CatalogModelCodec.Read(changed, CompiledCatalogCache.Format);

                // Only the layout or the key can change without the model's digest telling, and the cache checks both.
                Assert.True(read is null || read.Key != "key", $"byte {at} changed, and the entry still reads under its key");
            }
            catch (InvalidDataException)
            {
                // Refused: what the cache takes as a miss.
            }
        }
    }

    /// <summary>
    /// Builds a model through the records' constructors by reflection, so that a member added to a record is covered
    /// without changing the test: with <c>present</c>, every member has a value different from all others (lists of two);
    /// without, every optional member is absent and every list empty.
    /// </summary>
    private sealed class ModelValues(bool present)
    {
        private readonly NullabilityInfoContext nullability = new();
        private int next = 1;

        public object? Make(Type type, ParameterInfo? parameter = null)
        {
            if (!present && parameter is not null && IsOptional(parameter))
            {
                return null;
            }

            var underlying = Nullable.GetUnderlyingType(type);
            if (underlying is not null)
            {
                return Make(underlying);
            }

            if (type == typeof(string))
            {
                return "value " + next++ + " \uD83D\uDD12 \uD800";
            }

            if (type == typeof(int))
            {
                return next++;
            }

            if (type == typeof(bool))
            {
                return present;
            }

            if (type == typeof(CalendarDate))
            {
                int n = next++;
                return new CalendarDate(2000 + (n % 50), 1 + (n % 12), 1 + (n % 28));
            }

            if (type.IsEnum)
            {
                var values = Enum.GetValues(type);
                return values.GetValue(next++ % values.Length);
            }

            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>))
            {
                var item = type.GetGenericArguments()[0];
                var items = Array.CreateInstance(item, present ? 2 : 0);
                for (int i = 0; i < items.Length; i++)
                {
                    items.SetValue(Make(item), i);
                }

                return Activator.CreateInstance(type, [typeof(Enumerable).GetMethod(nameof(Enumerable.AsEnumerable))!.MakeGenericMethod(item).Invoke(null, [items])]);
            }

            var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
            return constructor.Invoke([.. constructor.GetParameters().Select(p => Make(p.ParameterType, p))]);
        }

        private bool IsOptional(ParameterInfo parameter) =>
            Nullable.GetUnderlyingType(parameter.ParameterType) is not null
            || (!parameter.ParameterType.IsValueType && nullability.Create(parameter).WriteState == NullabilityState.Nullable);
    }
}
