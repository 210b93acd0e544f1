using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EvidenceCatalog.Compiler.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EvidenceCatalog.Compiler.Yaml;

/// <summary>
/// Safe YAML loading: YamlDotNet parser events are folded into our own positioned node tree without recursion,
/// so that no input can overflow the stack, expand an anchor bomb or instantiate anything from a tag.
/// </summary>
public static class YamlLoader
{
    private const string CoreTagPrefix = "tag:yaml.org,2002:";

    private static readonly Regex MarkPrefix = new(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant);

    /// <summary>Loads the single document of <paramref name="file"/>. On any error the root is null and the diagnostics say why.</summary>
    public static YamlNode? Load(SourceFile file, YamlLimits limits, List<CatalogDiagnostic> diagnostics)
    {
        if (file is null)
        {
            throw new ArgumentNullException(nameof(file));
        }

        if (SourceDecoder.CheckSize(file.Path, file.Text.Length, limits) is { } tooLarge)
        {
            diagnostics.Add(tooLarge);
            return null;
        }

        var state = new LoadState(file, limits, diagnostics);
        try
        {
            return state.Run();
        }
        catch (YamlException ex) when (ex.Start.Index >= file.Text.TrimEnd().Length && state.OpenFlowCollection is { } open)
        {
            // The file ended inside '[' or '{': the place to fix is where it was opened.
            diagnostics.Add(Unclosed(file, open));
            return null;
        }
        catch (YamlException ex)
        {
            diagnostics.Add(SyntaxDiagnostic(file, ex));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser gives up this way on some malformed input, an unterminated flow collection among it.
            diagnostics.Add(state.OpenFlowCollection is { } open
                ? Unclosed(file, open)
                : CatalogDiagnostic.Create(DiagnosticDescriptors.SyntaxError, file.Path, state.LastEventSpan, "the document cannot be parsed past this point"));
            return null;
        }
        catch (LoadStopped)
        {
            return null;
        }
    }

    private static CatalogDiagnostic Unclosed(SourceFile file, SourceSpan open) =>
        CatalogDiagnostic.Create(DiagnosticDescriptors.SyntaxError, file.Path, open, "the '" + file.Text[open.StartOffset] + "' opened here is never closed; add the missing '" + (file.Text[open.StartOffset] == '[' ? ']' : '}') + "'");

    private static CatalogDiagnostic SyntaxDiagnostic(SourceFile file, YamlException ex)
    {
        var span = ToSpan(ex.Start, ex.End);
        bool aboutTabs = ex.Message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0;
        int tabOffset = TabInIndentation(file.Text, aboutTabs ? Math.Max(1, span.StartLine - 1) : span.StartLine - 1, aboutTabs ? int.MaxValue : span.StartLine + 1);
        if (tabOffset >= 0)
        {
            return CatalogDiagnostic.Create(DiagnosticDescriptors.TabIndentation, file.Path, SourceSpan.AtOffset(file.Text, tabOffset));
        }

        string message = MarkPrefix.Replace(ex.Message, string.Empty).Trim();
        return CatalogDiagnostic.Create(DiagnosticDescriptors.SyntaxError, file.Path, span, message);
    }

    /// <summary>The offset of the first tab in the leading whitespace of a line from <paramref name="firstLine"/> to <paramref name="lastLine"/>, or -1.</summary>
    private static int TabInIndentation(string text, int firstLine, int lastLine)
    {
        int line = 1;
        bool leading = true;
        for (int i = 0; i < text.Length && line <= lastLine; i++)
        {
            char c = text[i];
            if (c == '\n')
            {
                line++;
                leading = true;
            }
            else if (leading && c == '\t' && line >= firstLine)
            {
                return i;
            }
            else if (c != ' ' && c != '-')
            {
                // A block sequence's '- ' is part of the indentation in YAML's sense.
                leading = false;
            }
        }

        return -1;
    }

    internal static SourceSpan ToSpan(Mark start, Mark end) =>
        new((int)start.Line, (int)start.Column, (int)end.Line, (int)end.Column, (int)start.Index, (int)end.Index);

    /// <summary>Thrown inside the loader to stop at the first limit hit; never escapes it.</summary>
    private sealed class LoadStopped : Exception
    {
    }

    private sealed class Frame
    {
        public Frame(YamlNode node, AnchorName anchor)
        {
            Node = node;
            Anchor = anchor;
        }

        public YamlNode Node { get; }

        public AnchorName Anchor { get; }

        public YamlScalar? PendingKey { get; set; }

        /// <summary>True when <see cref="PendingKey"/> repeats an earlier key, so its value is dropped.</summary>
        public bool PendingKeyIsDuplicate { get; set; }

        public Dictionary<string, YamlScalar>? Keys { get; set; }

        /// <summary>Nodes in this subtree, aliases counted at their full size.</summary>
        public long Weight { get; set; } = 1;
    }

    private sealed class LoadState
    {
        private readonly SourceFile file;
        private readonly YamlLimits limits;
        private readonly List<CatalogDiagnostic> diagnostics;
        private readonly Stack<Frame> stack = new();
        private readonly Dictionary<string, (YamlNode Node, long Weight)> anchors = new(StringComparer.Ordinal);
        private YamlNode? root;
        private int documents;
        private int aliases;
        private long expandedNodes;
        private SourceSpan lastEventSpan = SourceSpan.FileStart;

        public LoadState(SourceFile file, YamlLimits limits, List<CatalogDiagnostic> diagnostics)
        {
            this.file = file;
            this.limits = limits;
            this.diagnostics = diagnostics;
        }

        /// <summary>Where the innermost flow collection ('[' or '{') still open starts, if there is one.</summary>
        public SourceSpan? OpenFlowCollection =>
            stack.Where(f => f.Node.Span.StartOffset < file.Text.Length && file.Text[f.Node.Span.StartOffset] is '[' or '{')
                .Select(f => (SourceSpan?)f.Node.Span)
                .FirstOrDefault();

        public SourceSpan LastEventSpan => lastEventSpan;

        public YamlNode? Run()
        {
            var parser = new Parser(new Scanner(new StringReader(file.Text), skipComments: true));
            while (parser.MoveNext())
            {
                lastEventSpan = ToSpan(parser.Current!.Start, parser.Current.End);
                switch (parser.Current)
                {
                    case DocumentStart start:
                        documents++;
                        if (documents > 1)
                        {
                            Stop(DiagnosticDescriptors.MultipleDocuments, ToSpan(start.Start, start.End));
                        }

                        break;
                    case Scalar scalar:
                        CheckTag(scalar);
                        var node = new YamlScalar(ToSpan(scalar.Start, scalar.End), scalar.Value, scalar.Style == ScalarStyle.Plain);
                        Count(1, scalar);
                        Register(scalar.Anchor, node, 1);
                        Add(node, 1);
                        break;
                    case SequenceStart sequence:
                        CheckTag(sequence);
                        Push(new YamlSequence(ToSpan(sequence.Start, sequence.End)), sequence);
                        break;
                    case MappingStart mapping:
                        CheckTag(mapping);
                        Push(new YamlMapping(ToSpan(mapping.Start, mapping.End)), mapping);
                        break;
                    case SequenceEnd or MappingEnd:
                        Pop(parser.Current);
                        break;
                    case AnchorAlias alias:
                        Alias(alias);
                        break;
                }
            }

            if (root is null)
            {
                diagnostics.Add(CatalogDiagnostic.Create(DiagnosticDescriptors.EmptyFile, file.Path, SourceSpan.FileStart));
            }

            return root;
        }

        private void Push(YamlNode node, NodeEvent start)
        {
            if (stack.Count >= limits.MaxDepth)
            {
                Stop(DiagnosticDescriptors.NestingTooDeep, ToSpan(start.Start, start.End), limits.MaxDepth);
            }

            Count(1, start);
            stack.Push(new Frame(node, start.Anchor));
        }

        private void Pop(ParsingEvent end)
        {
            var frame = stack.Pop();
            var span = frame.Node.Span;
            frame.Node.Span = new SourceSpan(span.StartLine, span.StartColumn, (int)end.End.Line, (int)end.End.Column, span.StartOffset, (int)end.End.Index);
            Register(frame.Anchor, frame.Node, frame.Weight);
            Add(frame.Node, frame.Weight);
        }

        private void Alias(AnchorAlias alias)
        {
            aliases++;
            var span = ToSpan(alias.Start, alias.End);
            if (aliases > limits.MaxAliases)
            {
                Stop(DiagnosticDescriptors.TooManyAliases, span, limits.MaxAliases);
            }

            if (!anchors.TryGetValue(alias.Value.Value, out var target))
            {
                Stop(DiagnosticDescriptors.UndefinedAlias, span, alias.Value.Value);
            }

            Count(target.Weight, alias);
            if (stack.Count > 0 && stack.Peek().Node is YamlMapping && stack.Peek().PendingKey is null)
            {
                // An alias used as a key: judge it, and report about it, where the alias stands.
                if (target.Node is not YamlScalar scalar)
                {
                    Stop(DiagnosticDescriptors.NonScalarKey, span, target.Node is YamlMapping ? "mapping" : "sequence");
                    return;
                }

                Add(new YamlScalar(span, scalar.Value, scalar.IsPlain), 1);
                return;
            }

            Add(target.Node, target.Weight);
        }

        private void Count(long nodes, ParsingEvent at)
        {
            expandedNodes += nodes;
            if (expandedNodes > limits.MaxExpandedNodes)
            {
                Stop(DiagnosticDescriptors.AliasExpansionTooLarge, ToSpan(at.Start, at.End), limits.MaxExpandedNodes);
            }
        }

        private void Register(AnchorName anchor, YamlNode node, long weight)
        {
            if (!anchor.IsEmpty)
            {
                anchors[anchor.Value] = (node, weight);
            }
        }

        private void CheckTag(NodeEvent node)
        {
            if (!node.Tag.IsEmpty)
            {
                string tag = node.Tag.IsNonSpecific ? "!"
                    : node.Tag.Value.StartsWith(CoreTagPrefix, StringComparison.Ordinal) ? "!!" + node.Tag.Value.Substring(CoreTagPrefix.Length)
                    : node.Tag.Value;
                Stop(DiagnosticDescriptors.TagRefused, ToSpan(node.Start, node.End), tag);
            }
        }

        private void Add(YamlNode node, long weight)
        {
            if (stack.Count == 0)
            {
                root = node;
                return;
            }

            var parent = stack.Peek();
            parent.Weight += weight;
            if (parent.Node is YamlSequence sequence)
            {
                sequence.Items.Add(node);
                return;
            }

            var mapping = (YamlMapping)parent.Node;
            if (parent.PendingKey is null)
            {
                if (node is not YamlScalar key)
                {
                    Stop(DiagnosticDescriptors.NonScalarKey, node.Span, node is YamlMapping ? "mapping" : "sequence");
                    return;
                }

                parent.Keys ??= new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
                parent.PendingKeyIsDuplicate = parent.Keys.TryGetValue(key.Value, out var first);
                if (parent.PendingKeyIsDuplicate)
                {
                    // Report and keep going: the rest of the file may hold more to say.
                    diagnostics.Add(CatalogDiagnostic.Create(DiagnosticDescriptors.DuplicateKey, file.Path, key.Span, key.Value, first!.Span.StartLine));
                }
                else
                {
                    parent.Keys.Add(key.Value, key);
                }

                parent.PendingKey = key;
                return;
            }

            var pending = parent.PendingKey;
            parent.PendingKey = null;
            if (!parent.PendingKeyIsDuplicate)
            {
                mapping.Entries.Add(new KeyValuePair<YamlScalar, YamlNode>(pending, node));
            }
        }

        private void Stop(CatalogDiagnosticDescriptor descriptor, SourceSpan span, params object?[] args)
        {
            diagnostics.Add(CatalogDiagnostic.Create(descriptor, file.Path, span, args));
            throw new LoadStopped();
        }
    }
}
