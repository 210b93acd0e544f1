using System;
using System.Collections.Generic;
using System.Linq;

namespace EvidenceCatalog.Compiler.Diff;

/// <summary>Where each entry of a compiled catalog set is written: its file, and its JSON pointer in that file.</summary>
public sealed class EntryLocations
{
    public static readonly EntryLocations None = new(Array.Empty<LoadedCatalogFile>());

    private readonly Dictionary<(EntryCollection Collection, string Id), (LoadedCatalogFile File, string Pointer)> entries = new();

    public EntryLocations(IEnumerable<LoadedCatalogFile> files)
    {
        foreach (var file in files.Where(f => f.Fragment is not null).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            foreach (var collection in EntryCollection.All)
            {
                int index = 0;
                foreach (string id in collection.IdsInFile(file.Fragment!))
                {
                    var key = (collection, id);
                    if (!entries.ContainsKey(key))
                    {
                        entries.Add(key, (file, collection.Pointer(index)));
                    }

                    index++;
                }
            }
        }
    }

    /// <summary>The span of an entry, or of a field inside it (<paramref name="fieldPointer"/>, such as <c>/cadence</c>); null when no file declares it.</summary>
    public CatalogLocation? Find(EntryCollection collection, string id, string fieldPointer = "")
    {
        if (!entries.TryGetValue((collection, id), out var entry))
        {
            return null;
        }

        // The entry's own span is that of its first field: a line a reader recognises (the '- id:' line).
        string pointer = fieldPointer.Length > 0 ? entry.Pointer + fieldPointer : FirstField(entry.File, entry.Pointer);
        return new CatalogLocation(entry.File.Path, entry.File.Spans.Find(pointer));
    }

    private static string FirstField(LoadedCatalogFile file, string pointer)
    {
        string id = pointer + "/id";
        return file.Spans.Entries.Any(e => string.Equals(e.Pointer, id, StringComparison.Ordinal)) ? id : pointer;
    }
}
