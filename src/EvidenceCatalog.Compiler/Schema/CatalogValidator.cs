using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;
using EvidenceCatalog.Compiler.Yaml;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace EvidenceCatalog.Compiler.Schema;

/// <summary>Validates a loaded YAML document against its kind's schema and reports each error at the YAML span it concerns.</summary>
internal static class CatalogValidator
{
    private static readonly JsonSchemaValidatorSettings Settings = new() { FormatValidators = StrictFormatValidators.All };

    public sealed record Result(JToken Json, IReadOnlyList<KeyValuePair<string, SourceSpan>> Spans, bool Valid);

    public static Result Validate(string path, YamlNode root, JsonSchema schema, SchemaPatterns patterns, List<CatalogDiagnostic> diagnostics)
    {
        var (json, origins, spans, coreTyped) = TypedJsonBuilder.Build(root, schema, patterns);
        var validator = new BoundedPatternValidator(Settings, patterns);
        var errors = validator.Validate(json, schema, SchemaType.JsonSchema);
        var reported = new HashSet<CatalogDiagnostic>();
        int before = diagnostics.Count;
        var mapped = Flatten(errors).Where(error => error is not PatternTimedOutError).Select(error => Map(path, error, origins, patterns))
            .Concat(validator.TimedOut.SelectMany(t => TimedOut(path, t, origins))).Concat(OutOfRangeIntegers(path, json, origins)).ToList();

        // A value that is wrong anyway gets its error only: quoting it would not fix it.
        var wrong = new HashSet<SourceSpan>(mapped.Where(d => d.IsError).Select(d => d.Span));
        var readDifferently = coreTyped.Where(t => !wrong.Contains(origins[t.Token].Node.Span)).Select(t => ReadDifferently(path, t, origins[t.Token]));
        foreach (var diagnostic in mapped.Concat(readDifferently))
        {
            if (reported.Add(diagnostic))
            {
                diagnostics.Add(diagnostic);
            }
        }

        return new Result(json, spans, !diagnostics.Skip(before).Any(d => d.IsError));
    }

    /// <summary>A plain value the schema takes as text but editors, reading YAML 1.2, take as a number or a boolean: quoting it makes both agree.</summary>
    private static CatalogDiagnostic ReadDifferently(string path, TypedJsonBuilder.CoreTypedText text, TypedJsonBuilder.TokenOrigin origin) =>
        CatalogDiagnostic.Create(
            DiagnosticDescriptors.PlainScalarReadDifferently, path, origin.Node.Span, Capitalize(origin.Label), (string)text.Token!, text.Reading,
            "'" + ((string)text.Token!).Replace("'", "''") + "'");

    /// <summary>The model holds 32-bit integers; a larger one is an error at the value, whatever the schema's bounds.</summary>
    private static IEnumerable<CatalogDiagnostic> OutOfRangeIntegers(string path, JToken json, IReadOnlyDictionary<JToken, TypedJsonBuilder.TokenOrigin> origins) =>
        (json is JContainer container ? container.DescendantsAndSelf() : new[] { json })
            .OfType<JValue>()
            .Where(v => v.Type == JTokenType.Integer && v.Value is long l && (l > int.MaxValue || l < int.MinValue))
            .Where(origins.ContainsKey)
            .Select(v => CatalogDiagnostic.Create(
                DiagnosticDescriptors.ConstraintViolated, path, origins[v].Node.Span, Capitalize(origins[v].Label),
                "is " + v.ToString(Formatting.None) + ", outside the range a catalog integer can hold (" + int.MinValue.ToString(CultureInfo.InvariantCulture) + " to " + int.MaxValue.ToString(CultureInfo.InvariantCulture) + ")"));

    /// <summary>A check that ran out of time: at the value (or the key, for a property name), and at the schema's keyword.</summary>
    private static IEnumerable<CatalogDiagnostic> TimedOut(string path, PatternTimedOutError error, IReadOnlyDictionary<JToken, TypedJsonBuilder.TokenOrigin> origins)
    {
        var regex = error.Regex;
        string milliseconds = SchemaRegex.MatchTimeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture);
        if (error.Token is JProperty property)
        {
            var keySpan = origins.TryGetValue(property, out var keyOrigin) ? keyOrigin.Key?.Span ?? keyOrigin.Node.Span : SourceSpan.FileStart;
            yield return CatalogDiagnostic.Create(DiagnosticDescriptors.PatternTimedOut, path, keySpan, "The property name", "'" + property.Name + "'", regex.Pattern, regex.Location, milliseconds);
        }
        else if (error.Token is { } token)
        {
            var origin = origins.TryGetValue(token, out var found) ? found : null;
            yield return CatalogDiagnostic.Create(
                DiagnosticDescriptors.PatternTimedOut, path, origin?.Node.Span ?? SourceSpan.FileStart, Capitalize(origin is null ? "the value" : Describe(origin, token)), Value(token), regex.Pattern, regex.Location, milliseconds);
        }

        yield return CatalogDiagnostic.Create(DiagnosticDescriptors.SchemaPatternBacktracks, regex.SchemaPath, regex.Keyword, milliseconds);
    }

    /// <summary>
    /// Wrapper errors (an array item, a property, allOf) are replaced by the errors they wrap; so are the errors of
    /// alternatives (anyOf, oneOf) when only one of them is of the value's type (text or a mapping): that one is meant.
    /// </summary>
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        var pending = new Stack<ValidationError>(errors.Reverse());
        while (pending.Count > 0)
        {
            var error = pending.Pop();
            if (error is ChildSchemaValidationError child &&
                error.Kind is ValidationErrorKind.ArrayItemNotValid or ValidationErrorKind.AdditionalPropertiesNotValid or ValidationErrorKind.NotAllOf or ValidationErrorKind.AdditionalItemNotValid)
            {
                foreach (var inner in child.Errors.Values.SelectMany(e => e).Reverse())
                {
                    pending.Push(inner);
                }

                continue;
            }

            if (error is ChildSchemaValidationError alternatives && error.Kind is ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf &&
                alternatives.Errors.Where(branch => Accepts(branch.Key.ActualSchema.Type, error.Token)).ToList() is { Count: 1 } meant && meant[0].Value.Count > 0)
            {
                foreach (var inner in meant[0].Value.Reverse())
                {
                    pending.Push(inner);
                }

                continue;
            }

            yield return error;
        }
    }

    private static bool Accepts(JsonObjectType type, JToken? token) => token?.Type switch
    {
        JTokenType.String => type.HasFlag(JsonObjectType.String),
        JTokenType.Object => type.HasFlag(JsonObjectType.Object),
        JTokenType.Array => type.HasFlag(JsonObjectType.Array),
        JTokenType.Integer => type.HasFlag(JsonObjectType.Integer) || type.HasFlag(JsonObjectType.Number),
        JTokenType.Float => type.HasFlag(JsonObjectType.Number),
        JTokenType.Boolean => type.HasFlag(JsonObjectType.Boolean),
        _ => false,
    };

    private static CatalogDiagnostic Map(string path, ValidationError error, IReadOnlyDictionary<JToken, TypedJsonBuilder.TokenOrigin> origins, SchemaPatterns patterns)
    {
        var token = error.Token;
        var origin = token is not null && origins.TryGetValue(token, out var found) ? found : null;
        var span = origin?.Node.Span ?? SourceSpan.FileStart;
        string label = origin is null ? "the value" : Describe(origin, token!);
        var schema = error.Schema?.ActualSchema;

        switch (error.Kind)
        {
            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
                // The token is the offending property; the key is what the user must change.
                var parent = token?.Parent is JObject obj && origins.TryGetValue(obj, out var parentOrigin) ? Describe(parentOrigin, obj) : "this mapping";
                var keySpan = origin?.Key?.Span ?? span;
                var names = schema?.ActualProperties.Keys.OrderBy(k => k, System.StringComparer.Ordinal).ToList() ?? new List<string>();
                string allowed = names.Count == 0 ? "(none)" : string.Join(", ", names);
                return CatalogDiagnostic.Create(DiagnosticDescriptors.UnknownProperty, path, keySpan, error.Property, parent, allowed, NameSuggestion.For(error.Property ?? string.Empty, names));
            case ValidationErrorKind.PropertyRequired:
                return CatalogDiagnostic.Create(DiagnosticDescriptors.MissingProperty, path, StartOf(span), error.Property, Capitalize(label));
            case ValidationErrorKind.StringExpected:
            case ValidationErrorKind.IntegerExpected:
            case ValidationErrorKind.NumberExpected:
            case ValidationErrorKind.BooleanExpected:
            case ValidationErrorKind.ObjectExpected:
            case ValidationErrorKind.ArrayExpected:
            case ValidationErrorKind.NullExpected:
                return CatalogDiagnostic.Create(DiagnosticDescriptors.WrongType, path, span, Capitalize(label), Expected(error.Kind), Actual(token));
            case ValidationErrorKind.NotInEnumeration:
                string values = schema is null ? string.Empty : string.Join(", ", schema.Enumeration.Select(v => System.Convert.ToString(v, CultureInfo.InvariantCulture)));
                return CatalogDiagnostic.Create(DiagnosticDescriptors.NotInEnum, path, span, Capitalize(label), Value(token), values);
            case ValidationErrorKind.PatternMismatch when token is JValue { Type: JTokenType.String } text && PointerSyntax.Explain(schema is null ? null : patterns.PatternOf(schema)?.Pattern, (string)text!) is { } problem:
                // A pointer or template: the pattern can only say the value is wrong; this says what and where.
                var at = origin?.Node is YamlScalar scalar ? scalar.SpanOfCharacter(problem.Index) : span;
                return CatalogDiagnostic.Create(DiagnosticDescriptors.MalformedPointer, path, at, Capitalize(label), Value(token), problem.Syntax, problem.Reason);
            case ValidationErrorKind.PatternMismatch:
                return CatalogDiagnostic.Create(DiagnosticDescriptors.PatternMismatch, path, span, Capitalize(label), Value(token), schema is null ? null : patterns.PatternOf(schema)?.Pattern);
            case ValidationErrorKind.ItemsNotUnique when token is JArray items && FirstRepeat(items) is { } repeat && origins.TryGetValue(repeat, out var repeatOrigin):
                return CatalogDiagnostic.Create(DiagnosticDescriptors.ConstraintViolated, path, repeatOrigin.Node.Span, Capitalize(label), "lists " + Value(repeat) + " more than once; remove the repeat");
            case ValidationErrorKind.DateExpected:
                return CatalogDiagnostic.Create(DiagnosticDescriptors.InvalidDate, path, span, Capitalize(label), Value(token), "a real calendar date written YYYY-MM-DD");
            case ValidationErrorKind.DateTimeExpected:
                return CatalogDiagnostic.Create(DiagnosticDescriptors.InvalidDate, path, span, Capitalize(label), Value(token), "a valid RFC 3339 date-time with an offset, such as 2026-11-23T09:30:00Z");
            default:
                return CatalogDiagnostic.Create(DiagnosticDescriptors.ConstraintViolated, path, span, Capitalize(label), Constraint(error, schema, token));
        }
    }

    private static string Constraint(ValidationError error, JsonSchema? schema, JToken? token)
    {
        string count = token is JArray array ? array.Count.ToString(CultureInfo.InvariantCulture) : string.Empty;
        return error.Kind switch
        {
            ValidationErrorKind.StringTooShort when schema?.MinLength == 1 => "must not be empty",
            ValidationErrorKind.StringTooShort => "is shorter than " + schema?.MinLength + " characters",
            ValidationErrorKind.StringTooLong => "is longer than " + schema?.MaxLength + " characters",
            ValidationErrorKind.TooFewItems => "has " + count + " items but needs at least " + schema?.MinItems,
            ValidationErrorKind.TooManyItems => "has " + count + " items but may have at most " + schema?.MaxItems,
            ValidationErrorKind.ItemsNotUnique => "lists the same value more than once; remove the repeat",
            ValidationErrorKind.NumberTooSmall or ValidationErrorKind.IntegerTooBig when schema?.Minimum is not null && Below(token, schema.Minimum.Value) =>
                "is " + Value(token) + " but must be at least " + schema.Minimum.Value.ToString(CultureInfo.InvariantCulture),
            ValidationErrorKind.NumberTooSmall => "is " + Value(token) + ", below the minimum the schema allows",
            ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig =>
                "is " + Value(token) + " but must be at most " + (schema?.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "the maximum the schema allows"),
            ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf => "matches none of the forms the schema allows here",
            // The excluded form's description, when the schema gives one, says what to change.
            ValidationErrorKind.ExcludedSchemaValidates when schema?.Not?.Description is { Length: > 0 } why => "has a form the schema forbids here. " + why,
            ValidationErrorKind.ExcludedSchemaValidates => "has a form the schema forbids here",
            ValidationErrorKind.TooFewProperties => "has " + Keys(token) + " but needs at least " + schema?.MinProperties,
            ValidationErrorKind.TooManyProperties => "has " + Keys(token) + " but may have at most " + schema?.MaxProperties,
            ValidationErrorKind.NumberNotMultipleOf or ValidationErrorKind.IntegerNotMultipleOf => "is not a multiple of " + schema?.MultipleOf,
            _ => "breaks the schema rule '" + error.Kind + "'",
        };
    }

    /// <summary>How many keys a mapping has, and which: "2 keys (value, field)".</summary>
    private static string Keys(JToken? token)
    {
        var names = token is JObject obj ? obj.Properties().Select(p => p.Name).ToList() : new List<string>();
        return names.Count.ToString(CultureInfo.InvariantCulture) + (names.Count == 1 ? " key" : " keys") + (names.Count == 0 ? string.Empty : " (" + string.Join(", ", names) + ")");
    }

    private static JToken? FirstRepeat(JArray items)
    {
        for (int i = 1; i < items.Count; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (JToken.DeepEquals(items[i], items[j]))
                {
                    return items[i];
                }
            }
        }

        return null;
    }

    private static bool Below(JToken? token, decimal minimum) =>
        token is JValue { Value: long l } ? l < minimum : token is JValue { Value: double d } && (decimal)d < minimum;

    private static SourceSpan StartOf(SourceSpan span) =>
        new(span.StartLine, span.StartColumn, span.StartLine, span.StartColumn + 1, span.StartOffset, span.StartOffset + 1);

    /// <summary>The token's name in words, with the id of the mapping when it has one ("item 3 of 'vendors' (id 'aws')").</summary>
    private static string Describe(TypedJsonBuilder.TokenOrigin origin, JToken token)
    {
        if (token is JObject obj && obj["id"] is JValue { Type: JTokenType.String } id)
        {
            return origin.Label + " (id '" + (string)id! + "')";
        }

        return origin.Label;
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    private static string Value(JToken? token) => token switch
    {
        null => "(missing)",
        JValue { Value: null } => "empty",
        JValue value when value.Type == JTokenType.String => "'" + (string)value! + "'",
        JValue value => value.ToString(Formatting.None),
        JObject => "a mapping",
        _ => "a list",
    };

    /// <summary>The value and its type in words: "empty", "the text '256 bits'", "the integer 5", "a mapping".</summary>
    private static string Actual(JToken? token) => token?.Type switch
    {
        JTokenType.String => "the text " + Value(token),
        JTokenType.Integer => "the integer " + Value(token),
        JTokenType.Float => "the number " + Value(token),
        JTokenType.Boolean => "the boolean " + Value(token),
        JTokenType.Object => "a mapping",
        JTokenType.Array => "a list",
        _ => "empty",
    };

    private static string Expected(ValidationErrorKind kind) => kind switch
    {
        ValidationErrorKind.StringExpected => "text",
        ValidationErrorKind.IntegerExpected => "an integer",
        ValidationErrorKind.NumberExpected => "a number",
        ValidationErrorKind.BooleanExpected => "true or false",
        ValidationErrorKind.ObjectExpected => "a mapping",
        ValidationErrorKind.ArrayExpected => "a list",
        _ => "empty",
    };
}
