using System;

namespace EvidenceCatalog.Runtime.Events.Reading;

/// <summary>
/// Cuts an input into records for the <see cref="EventStreamReader"/>, reading it as a stream through a bounded buffer:
/// <see cref="JsonLinesFramer"/> by lines, <see cref="JsonArrayFramer"/> by the elements of one JSON array (the root,
/// or CloudTrail's <c>Records</c>).
/// </summary>
internal interface IRecordFramer : IDisposable
{
    /// <summary>The next record (or a record gone wrong); false at the end of the input.</summary>
    /// <exception cref="BrokenContainerException">The container itself breaks here: nothing after this point can be read as records.</exception>
    bool Next(out FramedLine line);
}
