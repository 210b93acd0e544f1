using System.Collections.Generic;

namespace EvidenceCatalog.Runtime.Oscal;

// The parts of the OSCAL 1.2.1 JSON models the export writes, named as OSCAL names them (kebab-case in JSON, see
// OscalJson); members are written in declaration order, and a null member is left out, as OSCAL wants an absent
// member rather than an empty list.

/// <summary><c>{"catalog": …}</c>.</summary>
internal sealed record CatalogRoot(OscalCatalog Catalog);

internal sealed record OscalCatalog(string Uuid, Metadata Metadata, IReadOnlyList<CatalogGroup> Groups);

internal sealed record CatalogGroup(string Id, string Title, IReadOnlyList<Property>? Props, IReadOnlyList<CatalogControl> Controls);

internal sealed record CatalogControl(string Id, string Title, IReadOnlyList<Property> Props);

/// <summary><c>{"component-definition": …}</c>.</summary>
internal sealed record ComponentDefinitionRoot(ComponentDefinition ComponentDefinition);

internal sealed record ComponentDefinition(string Uuid, Metadata Metadata, IReadOnlyList<DefinedComponent>? Components, BackMatter? BackMatter);

internal sealed record DefinedComponent(
    string Uuid,
    string Type,
    string Title,
    string Description,
    IReadOnlyList<Property> Props,
    IReadOnlyList<ControlImplementation>? ControlImplementations,
    string? Remarks);

internal sealed record ControlImplementation(string Uuid, string Source, string Description, IReadOnlyList<ImplementedRequirement> ImplementedRequirements);

internal sealed record ImplementedRequirement(string Uuid, string ControlId, string Description);

/// <summary><c>{"assessment-results": …}</c>.</summary>
internal sealed record AssessmentResultsRoot(AssessmentResults AssessmentResults);

internal sealed record AssessmentResults(string Uuid, Metadata Metadata, ImportAp ImportAp, IReadOnlyList<Result> Results, BackMatter BackMatter);

internal sealed record ImportAp(string Href, string? Remarks);

internal sealed record Result(
    string Uuid,
    string Title,
    string Description,
    string Start,
    string End,
    IReadOnlyList<Property> Props,
    ResultLocalDefinitions? LocalDefinitions,
    ReviewedControls ReviewedControls,
    IReadOnlyList<Observation>? Observations,
    IReadOnlyList<Finding>? Findings,
    string? Remarks);

internal sealed record ResultLocalDefinitions(IReadOnlyList<SystemComponent> Components);

internal sealed record SystemComponent(string Uuid, string Type, string Title, string Description, IReadOnlyList<Property> Props, ComponentStatus Status);

internal sealed record ComponentStatus(string State);

internal sealed record ReviewedControls(string Description, IReadOnlyList<ControlSelection> ControlSelections);

internal sealed record ControlSelection(IReadOnlyList<SelectControlById> IncludeControls);

internal sealed record SelectControlById(string ControlId);

internal sealed record Observation(
    string Uuid,
    string Title,
    string Description,
    IReadOnlyList<Property> Props,
    IReadOnlyList<string> Methods,
    IReadOnlyList<string> Types,
    IReadOnlyList<SubjectReference> Subjects,
    IReadOnlyList<RelevantEvidence> RelevantEvidence,
    string Collected,
    string? Remarks);

internal sealed record SubjectReference(string SubjectUuid, string Type, string Title);

internal sealed record RelevantEvidence(string Description, IReadOnlyList<Property>? Props);

internal sealed record Finding(
    string Uuid,
    string Title,
    string Description,
    IReadOnlyList<Property> Props,
    FindingTarget Target,
    IReadOnlyList<RelatedObservation>? RelatedObservations);

internal sealed record FindingTarget(string Type, string TargetId, string Title, ObjectiveStatus Status);

internal sealed record ObjectiveStatus(string State, string Reason);

internal sealed record RelatedObservation(string ObservationUuid);

internal sealed record Metadata(
    string Title,
    string LastModified,
    string Version,
    string OscalVersion,
    IReadOnlyList<Property>? Props,
    IReadOnlyList<Role>? Roles,
    IReadOnlyList<Party>? Parties,
    IReadOnlyList<ResponsibleParty>? ResponsibleParties,
    string? Remarks);

internal sealed record Role(string Id, string Title);

internal sealed record Party(string Uuid, string Type, string Name, string? ShortName);

internal sealed record ResponsibleParty(string RoleId, IReadOnlyList<string> PartyUuids);

internal sealed record BackMatter(IReadOnlyList<Resource> Resources);

internal sealed record Resource(string Uuid, string Title, string Description, IReadOnlyList<Property>? Props, IReadOnlyList<ResourceLink>? Rlinks);

internal sealed record ResourceLink(string Href, string MediaType);

/// <summary>A property: OSCAL's own names have no <c>Ns</c>; EvidenceCatalog's carry <see cref="OscalJson.Namespace"/>.</summary>
internal sealed record Property(string Name, string? Ns, string Value, string? Class = null);
