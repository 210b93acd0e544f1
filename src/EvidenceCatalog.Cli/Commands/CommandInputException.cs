using System;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>The command cannot run on what it was given (a missing path, an unreadable file); the message is one line for stderr.</summary>
internal sealed class CommandInputException : Exception
{
    public CommandInputException(string message)
        : base(message)
    {
    }

    public CommandInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
