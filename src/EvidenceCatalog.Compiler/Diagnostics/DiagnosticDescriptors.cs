using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace EvidenceCatalog.Compiler.Diagnostics;

/// <summary>
/// The one list of every diagnostic, EC1xxx to EC5xxx: what the compiler reports and what only the generator reports.
/// Ids are stable: never reuse or renumber one. Each has a page in <c>docs/diagnostics/</c>; the generator's Roslyn
/// descriptors are built from this list.
/// </summary>
public static class DiagnosticDescriptors
{
    private const string Yaml = DiagnosticCategory.Yaml;
    private const string Schema = DiagnosticCategory.Schema;
    private const string References = DiagnosticCategory.References;
    private const string Policy = DiagnosticCategory.Policy;
    private const string Generator = DiagnosticCategory.Generator;

    // ---- 1xxx: YAML loading ----------------------------------------------------------------------------------

    public static readonly CatalogDiagnosticDescriptor FileTooLarge = new(
        "EC1001", "File too large", Yaml, CatalogDiagnosticSeverity.Error,
        "the file is {0} bytes, more than the limit of {1} bytes; split it into several files of the same kind",
        "Catalog files are limited in size so that a runaway or hostile file cannot exhaust memory. Split the catalog into several files of the same kind.");

    public static readonly CatalogDiagnosticDescriptor NestingTooDeep = new(
        "EC1002", "Nesting too deep", Yaml, CatalogDiagnosticSeverity.Error,
        "the YAML nests deeper than {0} levels here; flatten the structure",
        "Catalogs are shallow; a document nested this deep is malformed or hostile. Flatten the structure.");

    public static readonly CatalogDiagnosticDescriptor TooManyAliases = new(
        "EC1003", "Too many aliases", Yaml, CatalogDiagnosticSeverity.Error,
        "the file uses more than {0} aliases (*name); write the values out instead of aliasing them",
        "Aliases are limited so that an anchor bomb cannot expand. Write the repeated values out.");

    public static readonly CatalogDiagnosticDescriptor DuplicateKey = new(
        "EC1004", "Duplicate key", Yaml, CatalogDiagnosticSeverity.Error,
        "the key '{0}' is already defined at line {1} of this mapping; remove or rename one of them",
        "A mapping may hold a key once. YAML parsers disagree on which value wins, so the catalog refuses both.");

    public static readonly CatalogDiagnosticDescriptor TagRefused = new(
        "EC1005", "Tags are not allowed", Yaml, CatalogDiagnosticSeverity.Error,
        "the tag '{0}' is not allowed: catalogs are plain data and nothing is ever built from a tag; remove it (quote the value if it is text)",
        "Tags such as !Type or !!str are refused: the compiler never instantiates anything from YAML. Remove the tag; quote the value if it is text.");

    public static readonly CatalogDiagnosticDescriptor MultipleDocuments = new(
        "EC1006", "More than one document", Yaml, CatalogDiagnosticSeverity.Error,
        "a second YAML document starts here; a catalog file holds exactly one document, so move it to a file of its own",
        "Each catalog file holds one YAML document. Move the second document into a file of its own.");

    public static readonly CatalogDiagnosticDescriptor SyntaxError = new(
        "EC1007", "YAML syntax error", Yaml, CatalogDiagnosticSeverity.Error,
        "invalid YAML: {0}",
        "The file is not valid YAML at this position. Check indentation, quotes and colons around it.");

    public static readonly CatalogDiagnosticDescriptor NotUtf8 = new(
        "EC1008", "File is not UTF-8", Yaml, CatalogDiagnosticSeverity.Error,
        "the file is not valid UTF-8 (byte 0x{0} at offset {1}); save it as UTF-8",
        "Catalog files are UTF-8 (a byte order mark is allowed). Re-save the file as UTF-8.");

    public static readonly CatalogDiagnosticDescriptor EmptyFile = new(
        "EC1009", "Empty file", Yaml, CatalogDiagnosticSeverity.Error,
        "the file holds no YAML content; add 'kind:' and the catalog, or delete the file",
        "A catalog file must hold a document. Add a catalog or delete the file.");

    public static readonly CatalogDiagnosticDescriptor TabIndentation = new(
        "EC1010", "Tab used for indentation", Yaml, CatalogDiagnosticSeverity.Error,
        "a tab character is used for indentation here; YAML indents with spaces only, so replace the tab with spaces",
        "YAML forbids tabs in indentation. Replace tabs with spaces (most editors can be told to).");

    public static readonly CatalogDiagnosticDescriptor NonScalarKey = new(
        "EC1011", "Key is not a scalar", Yaml, CatalogDiagnosticSeverity.Error,
        "a mapping key must be a plain name, not a {0}; use a text key",
        "Catalog keys are names. Complex keys (sequences or mappings as keys) are refused.");

    public static readonly CatalogDiagnosticDescriptor UndefinedAlias = new(
        "EC1012", "Undefined or recursive alias", Yaml, CatalogDiagnosticSeverity.Error,
        "the alias '*{0}' names no anchor defined before it; define '&{0}' earlier (an alias cannot stand inside the node it names)",
        "An alias must refer to an anchor defined earlier in the file, and a node cannot contain an alias to itself.");

    public static readonly CatalogDiagnosticDescriptor AliasExpansionTooLarge = new(
        "EC1013", "Alias expansion too large", Yaml, CatalogDiagnosticSeverity.Error,
        "with its aliases expanded the document would hold more than {0} nodes; write the values out or split the file",
        "The document, counting each aliased node every time it is used, exceeds the node limit: a sign of an anchor bomb.");

    public static readonly CatalogDiagnosticDescriptor LinkLeavesFolder = new(
        "EC1014", "Link leaves the folder", Yaml, CatalogDiagnosticSeverity.Error,
        "this symbolic link points to '{0}', outside the folder being checked ('{1}'); catalogs are read only from inside it, so copy the file or folder in, or remove the link",
        "Git stores symbolic links, so a pull request can add one. A link out of the catalog folder could make the check read any file on the machine; links are followed only to places inside the folder being checked.");

    public static readonly CatalogDiagnosticDescriptor LinkLoop = new(
        "EC1015", "Symbolic link loop", Yaml, CatalogDiagnosticSeverity.Error,
        "this symbolic link {0}, so following it would never end; remove the link",
        "A link to a folder that contains it, or links that point at each other, would make the search for catalogs run for ever. The link is reported and not followed.");

    public static readonly CatalogDiagnosticDescriptor NotRegularFile = new(
        "EC1016", "Not a regular file", Yaml, CatalogDiagnosticSeverity.Error,
        "this is {0}, not a regular file; catalogs are read only from regular files, so replace it with the file itself or remove it",
        "A named pipe never ends or blocks until something writes to it, and a device such as /dev/zero never ends: the check opens regular files only.");

    // ---- 2xxx: schema validation ------------------------------------------------------------------------------

    public static readonly CatalogDiagnosticDescriptor UnknownKind = new(
        "EC2001", "Unknown catalog kind", Schema, CatalogDiagnosticSeverity.Error,
        "the kind '{0}' has no schema; use one of: {1}",
        "The 'kind' key selects the schema schemas/<kind>.schema.json. Use one of the kinds that have a schema.");

    public static readonly CatalogDiagnosticDescriptor MissingKind = new(
        "EC2002", "Missing catalog kind", Schema, CatalogDiagnosticSeverity.Error,
        "the file must be a mapping whose 'kind' key names its catalog kind, one of: {0}; set 'kind:' at the top of the file",
        "Every catalog file is a mapping with a 'kind' key naming its schema.");

    public static readonly CatalogDiagnosticDescriptor UnknownProperty = new(
        "EC2003", "Unknown property", Schema, CatalogDiagnosticSeverity.Error,
        "'{0}' is not a property of {1}; allowed properties: {2}{3}",
        "Catalog objects are closed: only the properties the schema lists are allowed. Check the spelling against the schema.");

    public static readonly CatalogDiagnosticDescriptor MissingProperty = new(
        "EC2004", "Required property missing", Schema, CatalogDiagnosticSeverity.Error,
        "{1} has no '{0}', which is required; add '{0}:'",
        "The schema requires this property. Add it.");

    public static readonly CatalogDiagnosticDescriptor WrongType = new(
        "EC2005", "Value of the wrong type", Schema, CatalogDiagnosticSeverity.Error,
        "{0} must be {1}, but is {2}",
        "The value's type does not match the schema. Note that a quoted value is always text.");

    public static readonly CatalogDiagnosticDescriptor NotInEnum = new(
        "EC2006", "Value not allowed", Schema, CatalogDiagnosticSeverity.Error,
        "{0} is {1}, which is not allowed; use one of: {2}",
        "The schema lists the values this property may take. Use one of them.");

    public static readonly CatalogDiagnosticDescriptor PatternMismatch = new(
        "EC2007", "Value does not match pattern", Schema, CatalogDiagnosticSeverity.Error,
        "{0} is {1}, which does not match the pattern {2}",
        "Ids and similar values follow a pattern given in the schema. Change the value to match it.");

    public static readonly CatalogDiagnosticDescriptor InvalidDate = new(
        "EC2008", "Invalid date or date-time", Schema, CatalogDiagnosticSeverity.Error,
        "{0} is {1}, which is not {2}",
        "Dates are full calendar dates (YYYY-MM-DD). Date-times are RFC 3339 with an explicit offset (Z or +hh:mm).");

    public static readonly CatalogDiagnosticDescriptor ConstraintViolated = new(
        "EC2009", "Constraint violated", Schema, CatalogDiagnosticSeverity.Error,
        "{0} {1}",
        "The value breaks a constraint of the schema (length, count, range or uniqueness).");

    public static readonly CatalogDiagnosticDescriptor PatternTimedOut = new(
        "EC2010", "Pattern check timed out", Schema, CatalogDiagnosticSeverity.Error,
        "{0} is {1}, which could not be checked against the pattern {2} of {3} within {4} ms; it is refused until that pattern is rewritten so that it cannot backtrack",
        "The schema's pattern backtracks catastrophically on this value: checking it would take seconds or hours. The value is refused unchecked; the pattern is reported at its keyword (EC2109), where it must be fixed.");

    public static readonly CatalogDiagnosticDescriptor MalformedPointer = new(
        "EC2011", "Malformed JSON pointer or template", Schema, CatalogDiagnosticSeverity.Error,
        "{0} is {1}, which is not a valid {2}: {3}",
        "Sources name the fields of a record with JSON pointers (RFC 6901: /a/b, with ~0 for '~' and ~1 for '/' inside a name) and build values with templates (text with {POINTER} placeholders, {{ and }} for literal braces). The diagnostic points at the character where the value stops being one.");

    public static readonly CatalogDiagnosticDescriptor PlainScalarReadDifferently = new(
        "EC2012", "Plain value that editors read as a number or boolean", Schema, CatalogDiagnosticSeverity.Warning,
        "{0} is the plain value {1}, which is text here but {2} to YAML 1.2 tools such as editors; quote it: {3}",
        "Catalog values are typed by the schema, so a plain 010 where text is meant stays the text '010'. Editors and most YAML libraries type plain values by YAML 1.2 instead (010 is the integer 10, 1.10 the number 1.1, true a boolean) and flag the same line. Quoting the value makes it text everywhere.");

    public static readonly CatalogDiagnosticDescriptor SchemaInvalid = new(
        "EC2101", "Schema cannot be read", Schema, CatalogDiagnosticSeverity.Error,
        "the schema cannot be read: {0}",
        "The schema file is not valid JSON or not a valid draft-07 JSON Schema.");

    public static readonly CatalogDiagnosticDescriptor SchemaKeywordUnsupported = new(
        "EC2102", "Schema keyword not enforced", Schema, CatalogDiagnosticSeverity.Error,
        "the keyword '{0}' is not enforced by the validator and would be silently ignored; {1}",
        "NJsonSchema ignores some JSON Schema keywords without a word. The lint refuses them so that no rule is written that is not enforced.");

    public static readonly CatalogDiagnosticDescriptor SchemaRemoteRef = new(
        "EC2103", "Remote $ref refused", Schema, CatalogDiagnosticSeverity.Error,
        "the $ref '{0}' points outside the schema set; schemas are resolved offline, only among the given schema files",
        "Schemas are loaded offline: a $ref may point into the same file (#/definitions/...) or to another schema file of the set by its bare file name.");

    public static readonly CatalogDiagnosticDescriptor SchemaUnresolvedRef = new(
        "EC2104", "$ref does not resolve", Schema, CatalogDiagnosticSeverity.Error,
        "the $ref '{0}' does not resolve: {1}",
        "A $ref must name a definition that exists, in this file or in another schema file of the set.");

    public static readonly CatalogDiagnosticDescriptor SchemaUnknownFormat = new(
        "EC2105", "Unknown format", Schema, CatalogDiagnosticSeverity.Error,
        "the format '{0}' is not checked by the compiler; use one of: {1}",
        "Only formats the compiler checks strictly are allowed, so that no format is silently unchecked.");

    public static readonly CatalogDiagnosticDescriptor SchemaPropertyUndocumented = new(
        "EC2106", "Schema property without description", Schema, CatalogDiagnosticSeverity.Error,
        "the property '{0}' has no description; add one (it becomes the editor tooltip and the generated XML doc)",
        "Every property of a catalog schema carries a description: it is the documentation users see.");

    public static readonly CatalogDiagnosticDescriptor SchemaObjectOpen = new(
        "EC2107", "Schema object is open", Schema, CatalogDiagnosticSeverity.Error,
        "this object schema does not set \"additionalProperties\": false; close it so that a misspelt key is an error",
        "Catalog objects are closed so that a misspelt key is reported instead of ignored.");

    public static readonly CatalogDiagnosticDescriptor SchemaRefCycle = new(
        "EC2108", "$ref leads back to itself", Schema, CatalogDiagnosticSeverity.Error,
        "the $ref '{0}' leads back to the schema it stands in without moving to a property or an item, so no value could ever be checked against it; point it at a definition that describes the value, such as '#/definitions/NAME'",
        "A schema may refer to itself only below a property, an item or another part of the value. A $ref such as \"#\" at the top of a file, or a chain of $ref, allOf, anyOf, oneOf and not that comes back to where it started, would apply the schema to the same value without end.");

    public static readonly CatalogDiagnosticDescriptor SchemaPatternBacktracks = new(
        "EC2109", "Pattern backtracks catastrophically", Schema, CatalogDiagnosticSeverity.Error,
        "checking a catalog value against this pattern took longer than {0} ms: it backtracks catastrophically; rewrite it without nested or overlapping repetition such as (a+)+, and without lookarounds or backreferences, so that it runs in linear time",
        "Every schema pattern runs under a match timeout, and without backtracking where the runtime allows. A pattern that still runs out of time would let one catalog value stall validation and the build; the values it could not check are refused (EC2010).");

    // ---- 3xxx: references across files -----------------------------------------------------------------------

    public static readonly CatalogDiagnosticDescriptor DuplicateId = new(
        "EC3001", "Duplicate id", References, CatalogDiagnosticSeverity.Error,
        "the {0} id '{1}' is already declared at {2}; ids are unique per kind across all files",
        "Each id is declared once per kind across every catalog file. Rename or remove one of the two.");

    public static readonly CatalogDiagnosticDescriptor UnknownCriterion = new(
        "EC3002", "Unknown criterion", References, CatalogDiagnosticSeverity.Error,
        "'{0}' is not a criterion of any loaded framework{1}",
        "Controls and encryption entries name criteria declared in a framework catalog.");

    public static readonly CatalogDiagnosticDescriptor UnknownEventType = new(
        "EC3003", "Unknown event type", References, CatalogDiagnosticSeverity.Error,
        "the event type '{0}' is not declared in the events catalog{1}",
        "Evidence rules and metrics name event types declared in the events catalog. Declare the type or fix the name.");

    public static readonly CatalogDiagnosticDescriptor UnknownOutcome = new(
        "EC3004", "Unknown outcome", References, CatalogDiagnosticSeverity.Error,
        "the event type '{0}' has no outcome '{1}'; its outcomes are: {2}{3}",
        "An outcome named by a rule or metric must be one the events catalog declares for that type.");

    public static readonly CatalogDiagnosticDescriptor UnknownRole = new(
        "EC3005", "Unknown role", References, CatalogDiagnosticSeverity.Error,
        "the role '{0}' is not declared in the access catalog{1}",
        "Runbook steps and role mappings name roles declared in the access catalog.");

    public static readonly CatalogDiagnosticDescriptor UnknownSeverity = new(
        "EC3006", "Unknown severity", References, CatalogDiagnosticSeverity.Error,
        "the severity '{0}' is not declared in the runbooks catalog{1}",
        "Procedures name severities declared under 'severities' in a runbooks catalog.");

    public static readonly CatalogDiagnosticDescriptor UnknownDataCategory = new(
        "EC3007", "Unknown data category", References, CatalogDiagnosticSeverity.Error,
        "the data category '{0}' is not declared in the policies catalog{1}",
        "Vendors name data categories declared under 'dataCategories' in the policies catalog.");

    public static readonly CatalogDiagnosticDescriptor UnknownPermission = new(
        "EC3008", "Unknown permission", References, CatalogDiagnosticSeverity.Error,
        "the permission '{0}' is not declared in any permission category{1}",
        "Roles grant permissions declared under 'permissionCategories' in the access catalog.");

    public static readonly CatalogDiagnosticDescriptor UnknownFramework = new(
        "EC3009", "Unknown framework", References, CatalogDiagnosticSeverity.Error,
        "the framework '{0}' is not declared by any framework catalog{1}",
        "Active frameworks name frameworks declared by a framework catalog.");

    public static readonly CatalogDiagnosticDescriptor SingletonRedeclared = new(
        "EC3010", "Catalog declared twice", References, CatalogDiagnosticSeverity.Error,
        "a {0} catalog is already declared in {1}; this kind is declared once, so merge the two files",
        "The policies catalog holds organisation-wide settings and is declared in exactly one file.");

    public static readonly CatalogDiagnosticDescriptor UnreachableRule = new(
        "EC3011", "Rule can never match", References, CatalogDiagnosticSeverity.Error,
        "{0} of source '{1}' can never match: every record it matches is matched first by {2} at {3}, and the first matching rule wins; narrow that rule, or move this one above it",
        "A source's rules are tried in order and the first whose conditions all hold wins. A rule whose conditions imply those of an earlier rule (an earlier rule without conditions matches everything) is never reached.");

    public static readonly CatalogDiagnosticDescriptor ReservedSourceId = new(
        "EC3012", "Reserved source id", References, CatalogDiagnosticSeverity.Error,
        "the source id '{0}' is reserved: {1}, so no source can be named so; give the source another id",
        "Where a host lets its user choose the source of an input, 'native' means the product's own evidence events and 'auto' asks for the source to be recognised from the input's first records. A source with either id could never be chosen by it.");

    public static readonly CatalogDiagnosticDescriptor OutcomeNotCounted = new(
        "EC3013", "Outcome not counted by the rule", References, CatalogDiagnosticSeverity.Error,
        "the {0} names the outcome '{1}', which this rule of '{2}' does not count (it counts: {3}){4}; add '{1}' to the rule's outcomes, or name one of them",
        "A rule's minimum and failure limit judge the events the rule counts. A minimum of an outcome the rule leaves out could never be met, so every period would be an exception; a failure outcome it leaves out would never be counted, so the limit could never fail.");

    public static readonly CatalogDiagnosticDescriptor UnknownStepOwner = new(
        "EC3014", "Unknown step owner", References, CatalogDiagnosticSeverity.Error,
        "the step owner '{0}' is neither a responder of the runbooks catalog nor a role of the access catalog: declare it under 'responders', or name one that is{1}",
        "Once the runbooks declare responders, a step's owner is one of them or a role of the access catalog. A name that is neither would leave the step with nobody to carry it out.");

    // ---- 4xxx: policy --------------------------------------------------------------------------------------------

    public static readonly CatalogDiagnosticDescriptor ReviewOverdue = new(
        "EC4001", "Review overdue", Policy, CatalogDiagnosticSeverity.Warning,
        "the next review of '{0}' was due on {1}, before the as-of date {2}; review it and move nextReview forward",
        "A vendor whose next review date has passed is overdue. Review it, then update lastReview and nextReview.");

    public static readonly CatalogDiagnosticDescriptor ControlWithoutEvidence = new(
        "EC4002", "Control without evidence rule or manual declaration", Policy, CatalogDiagnosticSeverity.Warning,
        "the control '{0}' has neither an evidence rule nor a manual declaration, so nothing can ever show that it operates; add an 'evidence' rule naming the events that prove it, or 'manual:' with the documents to supply",
        "A control is proven by events (evidence rules) or by documents supplied by hand (a manual declaration). With neither, every report shows it unproven: no evidence, and no evidence request.");

    public static readonly CatalogDiagnosticDescriptor EventTypeUnused = new(
        "EC4003", "Event type not used", Policy, CatalogDiagnosticSeverity.Warning,
        "the event type '{0}' is declared but no evidence rule or metric uses it; use it in a rule or remove it",
        "Every declared event type should be evidence for some control or feed a metric; otherwise it is dead weight.");

    public static readonly CatalogDiagnosticDescriptor ReviewDatesReversed = new(
        "EC4004", "Review dates reversed", Policy, CatalogDiagnosticSeverity.Error,
        "the next review of '{0}' ({1}) is not after its last review ({2}); fix one of the dates",
        "nextReview must come after lastReview.");

    public static readonly CatalogDiagnosticDescriptor SourceWithoutEvidence = new(
        "EC4005", "Source maps no evidence", Policy, CatalogDiagnosticSeverity.Warning,
        "the source '{0}' maps records only to event types that no evidence rule or metric uses ({1}), so none of its events will count for a control; map a type a control uses, or add an evidence rule",
        "A source is there to turn log records into evidence. When no type its rules give is used by a control's evidence rule or a metric, its events count for nothing in any report.");

    public static readonly CatalogDiagnosticDescriptor Soc2ReportOutOfDate = new(
        "EC4006", "SOC 2 report out of date", Policy, CatalogDiagnosticSeverity.Warning,
        "the SOC 2 Type II report of '{0}' is marked current but its period ended on {1}, more than {2} months before the as-of date {3}; obtain the vendor's latest report and update periodEnd, or set the status to expired",
        "A SOC 2 Type II report speaks for the period it covers. Once that period ended longer ago than the policies allow (12 months by default), the report no longer shows how the vendor operates today.");

    public static readonly CatalogDiagnosticDescriptor VendorWithoutCurrentSoc2 = new(
        "EC4007", "High-risk vendor without a current SOC 2 report", Policy, CatalogDiagnosticSeverity.Warning,
        "the {0}-risk vendor '{1}' has no current SOC 2 Type II report (status: {2}); obtain one, or lower its risk with recorded mitigations",
        "A vendor at critical or high risk is relied on for the organisation's own controls; without a current SOC 2 Type II report there is no independent assurance that its controls operate.");

    public static readonly CatalogDiagnosticDescriptor KeyRotationOverdue = new(
        "EC4008", "Key rotation overdue", Policy, CatalogDiagnosticSeverity.Warning,
        "the key of '{0}' was last rotated on {1}; with a rotation period of {2} days it was due for rotation on {3}, before the as-of date {4}; rotate it and update rotatedAt",
        "An encryption entry that declares when its key was rotated and how long a key may live must be rotated within that period.");

    public static readonly CatalogDiagnosticDescriptor RunbookTestOverdue = new(
        "EC4009", "Runbook test overdue", Policy, CatalogDiagnosticSeverity.Warning,
        "the procedure '{0}' was last tested on {1}, more than {2} months before the as-of date {3}; exercise it in a drill or tabletop and update lastTested",
        "Incident-response procedures are tested periodically (SOC 2 CC7.5); a procedure not exercised within the period the policies allow (12 months by default) may no longer work.");

    public static readonly CatalogDiagnosticDescriptor ControlReviewOverdue = new(
        "EC4010", "Control review overdue", Policy, CatalogDiagnosticSeverity.Warning,
        "the control '{0}' was last reviewed on {1} and was due for review on {2} (every {3} months), before the as-of date {4}; review its design and update lastReviewed",
        "A control that declares when it was last reviewed is due again after its own interval (reviewEveryMonths) or the policies' default (12 months).");

    public static readonly CatalogDiagnosticDescriptor AccessReviewOverdue = new(
        "EC4011", "Access review overdue", Policy, CatalogDiagnosticSeverity.Warning,
        "the access catalog was last reviewed on {0} and was due for review on {1} (every {2} months), before the as-of date {3}; review the roles and their permissions and update lastReviewed",
        "Roles and permissions are reviewed periodically (SOC 2 CC6.2, CC6.3): quarterly by default, or as the policies catalog's staleness.accessReviewMonths says.");

    // ---- 5xxx: reported only by the source generator ----------------------------------------------------------------

    public static readonly CatalogDiagnosticDescriptor IdentifierCollision = new(
        "EC5001", "Generated identifier collision", Generator, CatalogDiagnosticSeverity.Warning,
        "the {0} id '{1}' becomes the C# name '{2}' in {3}, which {4} already takes; it is generated as '{5}'. Change the id so that its C# name is its own",
        "Ids become C# member names: case, '-', '.' and ':' are folded, so two different ids can meet on one name. The later one is renamed with a numeric suffix, which moves if the catalog changes: give it an id whose C# name is unique.");

    public static readonly CatalogDiagnosticDescriptor InvalidBuildProperty = new(
        "EC5002", "Invalid build property", Generator, CatalogDiagnosticSeverity.Error,
        "the build property {0} is '{1}', which is not {2}; {3}",
        "Fix the property in the project file, a Directory.Build.props or the command line (-p:NAME=VALUE).");

    public static readonly CatalogDiagnosticDescriptor FileUnreadable = new(
        "EC5003", "Catalog file cannot be read", Generator, CatalogDiagnosticSeverity.Error,
        "the compiler could not read this file; check that it exists and is readable",
        "The file is listed as an AdditionalFiles item of the catalogs but the compiler got no text for it. Check the path and the file's permissions.");

    public static readonly CatalogDiagnosticDescriptor FileNotUtf8 = new(
        "EC5004", "File is not UTF-8", Generator, CatalogDiagnosticSeverity.Error,
        "this file is not valid UTF-8 (the C# compiler read it as {0}); save it as UTF-8",
        "Catalog and schema files are UTF-8 (a byte order mark is allowed). Re-save the file as UTF-8; `evidence validate` shows the first invalid byte.");

    public static readonly CatalogDiagnosticDescriptor GenerationFailed = new(
        "EC5005", "Code generation failed", Generator, CatalogDiagnosticSeverity.Error,
        "the code for {0} could not be generated: {1}",
        "An internal error of the generator: the catalog was valid but a template failed. Report it with the catalog that triggers it.");

    /// <summary>Every descriptor, ordered by id.</summary>
    public static ImmutableArray<CatalogDiagnosticDescriptor> All { get; } = typeof(DiagnosticDescriptors)
        .GetFields()
        .Where(f => f.FieldType == typeof(CatalogDiagnosticDescriptor))
        .Select(f => (CatalogDiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Id, System.StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>What the compiler itself (and so <c>evidence validate</c>) can report: every category but the generator's.</summary>
    public static ImmutableArray<CatalogDiagnosticDescriptor> ReportedByCompiler { get; } =
        All.Where(d => d.Category != DiagnosticCategory.Generator).ToImmutableArray();

    private static readonly Dictionary<string, CatalogDiagnosticDescriptor> ById = All.ToDictionary(d => d.Id, System.StringComparer.Ordinal);

    /// <summary>The descriptor of <paramref name="id"/>, or null for an id this version does not know.</summary>
    public static CatalogDiagnosticDescriptor? Find(string id) => ById.TryGetValue(id, out var descriptor) ? descriptor : null;
}
