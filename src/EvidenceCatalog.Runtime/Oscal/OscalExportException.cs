using System;

namespace EvidenceCatalog.Runtime.Oscal;

/// <summary>The OSCAL documents cannot be written for this input; the message says why, in the library's terms.</summary>
public sealed class OscalExportException(string message) : Exception(message);
