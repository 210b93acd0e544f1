using System.Collections.Generic;
using EvidenceCatalog.Runtime.Reports.Sections;

namespace EvidenceCatalog.Runtime.Access.Imports;

/// <summary>The snapshot an import built, and what went into it.</summary>
/// <param name="Snapshot">The people with access, their accounts and keys.</param>
/// <param name="Inputs">Per input, in the order given: how many accounts and keys it brought.</param>
/// <param name="Unmapped">People none of whose groups is mapped to a role (they hold <see cref="AccessImporter.UnmappedRole"/>).</param>
/// <param name="WithoutAccess">People left out because every account of theirs is suspended and they hold no usable key.</param>
public sealed record AccessImportResult(AccessSnapshot Snapshot, IReadOnlyList<ImportedInput> Inputs, int Unmapped, int WithoutAccess);

/// <summary>What one input brought.</summary>
public sealed record ImportedInput(string Name, AccessImportFormat Format, int Accounts, int Keys);
