using System.Collections.Immutable;

namespace EvidenceCatalog.Model;

/// <summary>
/// What the runtime needs of a catalog: the model, its fingerprint, and the control mappings. The generated catalogs
/// assembly implements it with compiled code; <see cref="ModelEvidenceCatalog"/> implements it over a model loaded at run time.
/// Log sources are found by id in <see cref="CatalogModel.Sources"/> of <see cref="Model"/>.
/// </summary>
public interface IEvidenceCatalog
{
    CatalogModel Model { get; }

    /// <summary>The catalog fingerprint every report carries (equal to <see cref="CatalogModel.Fingerprint"/>).</summary>
    string Fingerprint { get; }

    /// <summary>
    /// The controls an event of <paramref name="eventType"/> with <paramref name="outcome"/> is evidence for, in
    /// declaration order, each once. A rule without outcomes matches every outcome, and an event without one.
    /// </summary>
    ImmutableArray<Control> ControlsFor(string eventType, string? outcome);
}
