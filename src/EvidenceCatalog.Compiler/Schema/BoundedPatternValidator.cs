using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace EvidenceCatalog.Compiler.Schema;

/// <summary>A value (or a property name) whose pattern check ran out of time: it fails its schema, and is reported on its own.</summary>
internal sealed class PatternTimedOutError : ValidationError
{
    public PatternTimedOutError(JToken token, SchemaRegex regex, JsonSchema schema, string? propertyName, string propertyPath)
        : base(ValidationErrorKind.PatternMismatch, propertyName, propertyPath, token, schema)
    {
        Regex = regex;
    }

    public SchemaRegex Regex { get; }
}

/// <summary>
/// NJsonSchema's validator, with "pattern" and "patternProperties" checked by <see cref="SchemaRegex"/> (bounded) from
/// <see cref="SchemaPatterns"/>, which took them out of the schemas so that NJsonSchema never runs them. Every check
/// that timed out is also listed in <see cref="TimedOut"/>, wherever it failed (inside anyOf or oneOf too).
/// </summary>
internal sealed class BoundedPatternValidator : JsonSchemaValidator
{
    private readonly SchemaPatterns patterns;

    public BoundedPatternValidator(JsonSchemaValidatorSettings settings, SchemaPatterns patterns)
        : base(settings)
    {
        this.patterns = patterns;
    }

    /// <summary>The values and property names whose check timed out, in the order met.</summary>
    public List<PatternTimedOutError> TimedOut { get; } = new();

    protected override ICollection<ValidationError> Validate(JToken token, JsonSchema schema, SchemaType schemaType, string? propertyName, string propertyPath)
    {
        var errors = base.Validate(token, schema, schemaType, propertyName, propertyPath).ToList();
        if (patterns.PatternOf(schema) is { } pattern && token.Type == JTokenType.String)
        {
            switch (pattern.Match((string)token!))
            {
                case PatternVerdict.DoesNotMatch:
                    errors.Add(new ValidationError(ValidationErrorKind.PatternMismatch, propertyName, propertyPath, token, schema));
                    break;
                case PatternVerdict.TimedOut:
                    errors.Add(Timeout(token, pattern, schema, propertyName, propertyPath));
                    break;
            }
        }

        if (token is JObject mapping && patterns.PatternPropertiesOf(schema) is { Count: > 0 } keyed)
        {
            foreach (var property in mapping.Properties())
            {
                CheckPatternProperty(property, keyed, schemaType, errors);
            }
        }

        return errors;
    }

    /// <summary>As NJsonSchema would: the first pattern that matches the name gives the value's schema, and the property is not an additional one.</summary>
    private void CheckPatternProperty(JProperty property, IReadOnlyList<(SchemaRegex Name, JsonSchema Schema)> keyed, SchemaType schemaType, List<ValidationError> errors)
    {
        foreach (var (name, schema) in keyed)
        {
            var verdict = name.Match(property.Name);
            if (verdict == PatternVerdict.DoesNotMatch)
            {
                continue;
            }

            // Not told of patternProperties, NJsonSchema took the property for an additional one.
            errors.RemoveAll(e =>
                (e.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed && ReferenceEquals(e.Token, property)) ||
                (e.Kind == ValidationErrorKind.AdditionalPropertiesNotValid && ReferenceEquals(e.Token, property.Value)));
            if (verdict == PatternVerdict.TimedOut)
            {
                errors.Add(Timeout(property, name, schema, property.Name, property.Path));
                return;
            }

            var inner = Validate(property.Value, schema.ActualSchema, schemaType, null, property.Path);
            if (inner.Count > 0)
            {
                var byChild = new Dictionary<JsonSchema, ICollection<ValidationError>> { [schema] = inner };
                errors.Add(new ChildSchemaValidationError(ValidationErrorKind.AdditionalPropertiesNotValid, property.Name, property.Path, byChild, property.Value, schema));
            }

            return;
        }
    }

    private PatternTimedOutError Timeout(JToken token, SchemaRegex regex, JsonSchema schema, string? propertyName, string propertyPath)
    {
        var error = new PatternTimedOutError(token, regex, schema, propertyName, propertyPath);
        TimedOut.Add(error);
        return error;
    }
}
