using System;

namespace EvidenceCatalog.Runtime.Access.Imports;

/// <summary>
/// An export that cannot be imported: the one-line message names the file (never its folder), the line or record, the
/// field, and what was expected.
/// </summary>
public sealed class AccessImportException(string message) : Exception(message);
