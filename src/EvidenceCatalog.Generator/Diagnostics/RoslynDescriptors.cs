using System;
using System.Collections.Immutable;
using System.Linq;
using EvidenceCatalog.Compiler.Diagnostics;
using Microsoft.CodeAnalysis;

namespace EvidenceCatalog.Generator.Diagnostics;

/// <summary>
/// The Roslyn descriptor of every diagnostic in <see cref="DiagnosticDescriptors"/>, built once, when the generator loads.
/// Title, category, help text and help link come from that one list; the id and default severity are written out here as
/// well, because the release-tracking analyzer (RS2000-series) reads them from these initializers to check them against
/// AnalyzerReleases.Shipped.md and AnalyzerReleases.Unshipped.md. <see cref="Describe"/> refuses any that disagrees with the list.
/// </summary>
internal static class RoslynDescriptors
{
    public static readonly DiagnosticDescriptor FileTooLarge = Describe("EC1001", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor NestingTooDeep = Describe("EC1002", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor TooManyAliases = Describe("EC1003", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor DuplicateKey = Describe("EC1004", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor TagRefused = Describe("EC1005", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor MultipleDocuments = Describe("EC1006", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor SyntaxError = Describe("EC1007", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor NotUtf8 = Describe("EC1008", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor EmptyFile = Describe("EC1009", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor TabIndentation = Describe("EC1010", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor NonScalarKey = Describe("EC1011", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UndefinedAlias = Describe("EC1012", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor AliasExpansionTooLarge = Describe("EC1013", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor LinkLeavesFolder = Describe("EC1014", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor LinkLoop = Describe("EC1015", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor NotRegularFile = Describe("EC1016", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownKind = Describe("EC2001", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor MissingKind = Describe("EC2002", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownProperty = Describe("EC2003", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor MissingProperty = Describe("EC2004", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor WrongType = Describe("EC2005", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor NotInEnum = Describe("EC2006", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor PatternMismatch = Describe("EC2007", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor InvalidDate = Describe("EC2008", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ConstraintViolated = Describe("EC2009", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor PatternTimedOut = Describe("EC2010", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor MalformedPointer = Describe("EC2011", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor PlainScalarReadDifferently = Describe("EC2012", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor SchemaInvalid = Describe("EC2101", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor SchemaKeywordUnsupported = Describe("EC2102", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor SchemaRemoteRef = Describe("EC2103", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor SchemaUnresolvedRef = Describe("EC2104", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor SchemaUnknownFormat = Describe("EC2105", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor SchemaPropertyUndocumented = Describe("EC2106", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor SchemaObjectOpen = Describe("EC2107", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor SchemaRefCycle = Describe("EC2108", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor SchemaPatternBacktracks = Describe("EC2109", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateId = Describe("EC3001", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownCriterion = Describe("EC3002", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownEventType = Describe("EC3003", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownOutcome = Describe("EC3004", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownRole = Describe("EC3005", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownSeverity = Describe("EC3006", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownDataCategory = Describe("EC3007", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownPermission = Describe("EC3008", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownFramework = Describe("EC3009", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor SingletonRedeclared = Describe("EC3010", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnreachableRule = Describe("EC3011", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor ReservedSourceId = Describe("EC3012", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor OutcomeNotCounted = Describe("EC3013", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor UnknownStepOwner = Describe("EC3014", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ReviewOverdue = Describe("EC4001", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor ControlWithoutEvidence = Describe("EC4002", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor EventTypeUnused = Describe("EC4003", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor ReviewDatesReversed = Describe("EC4004", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor SourceWithoutEvidence = Describe("EC4005", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor Soc2ReportOutOfDate = Describe("EC4006", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor VendorWithoutCurrentSoc2 = Describe("EC4007", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor KeyRotationOverdue = Describe("EC4008", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor RunbookTestOverdue = Describe("EC4009", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor ControlReviewOverdue = Describe("EC4010", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor AccessReviewOverdue = Describe("EC4011", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor IdentifierCollision = Describe("EC5001", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor InvalidBuildProperty = Describe("EC5002", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor FileUnreadable = Describe("EC5003", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor FileNotUtf8 = Describe("EC5004", DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor GenerationFailed = Describe("EC5005", DiagnosticSeverity.Error);

    /// <summary>Every descriptor, by id.</summary>
    public static ImmutableDictionary<string, DiagnosticDescriptor> ById { get; } = typeof(RoslynDescriptors)
        .GetFields()
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToImmutableDictionary(d => d.Id, StringComparer.Ordinal);

    /// <summary>The descriptor of a diagnostic of the list; an id outside it is a bug of the generator.</summary>
    public static DiagnosticDescriptor For(string id) =>
        ById.TryGetValue(id, out var descriptor) ? descriptor : throw new InvalidOperationException("The diagnostic id '" + id + "' is not in DiagnosticDescriptors.");

    private static DiagnosticDescriptor Describe(string id, DiagnosticSeverity defaultSeverity)
    {
        var rule = DiagnosticDescriptors.Find(id) ?? throw new InvalidOperationException("The diagnostic id '" + id + "' is not in DiagnosticDescriptors.");
        if (RoslynDiagnostics.SeverityOf(rule.DefaultSeverity) != defaultSeverity)
        {
            throw new InvalidOperationException(id + " is a " + rule.DefaultSeverity + " in DiagnosticDescriptors, not a " + defaultSeverity + ".");
        }

        // The message is "{0}": the compiler has already worded it, in the file's own terms.
        return new DiagnosticDescriptor(
            rule.Id,
            rule.Title,
            "{0}",
            "EvidenceCatalog." + rule.Category,
            defaultSeverity,
            isEnabledByDefault: true,
            description: rule.Help,
            helpLinkUri: rule.HelpUri);
    }
}
