using System.Collections.Generic;
using System.CommandLine;
using EvidenceCatalog.Runtime.Signing;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// The key options of the commands that sign: a key never appears on the command line itself — only the file or the
/// environment variable that holds it.
/// </summary>
internal sealed class SigningOptions
{
    private readonly Option<string?> hmacKeyFile = new("--hmac-key-file")
    {
        Description = "File whose exact bytes are the organisation's HMAC-SHA256 secret (at least 32 bytes).",
        HelpName = "file",
    };

    private readonly Option<string?> hmacKeyEnv = new("--hmac-key-env")
    {
        Description = "Environment variable holding the HMAC-SHA256 secret, base64-encoded (at least 32 bytes).",
        HelpName = "variable",
    };

    private readonly Option<string?> signKey = new("--sign-key")
    {
        Description = "ECDSA P-256 private key (PEM) to sign with; auditors verify with the public key alone.",
        HelpName = "pem",
    };

    public void AddTo(Command command, bool verifying)
    {
        command.Options.Add(hmacKeyFile);
        command.Options.Add(hmacKeyEnv);
        command.Options.Add(signKey);
    }

    /// <summary>The keys to sign with (none, one or both kinds); <see cref="SigningKeyException"/> when one cannot be used.</summary>
    public IReadOnlyList<SigningKey> LoadSigningKeys(CommandContext context, ParseResult parseResult)
    {
        var keys = new List<SigningKey>();
        if (parseResult.GetValue(hmacKeyFile) is not null && parseResult.GetValue(hmacKeyEnv) is not null)
        {
            throw new CommandInputException("give the HMAC key once: --hmac-key-file or --hmac-key-env, not both");
        }

        if (parseResult.GetValue(hmacKeyFile) is { } keyFile)
        {
            keys.Add(HmacSigningKey.FromFile(CommandOptions.FullPath(context, keyFile)));
        }

        if (parseResult.GetValue(hmacKeyEnv) is { } variable)
        {
            keys.Add(HmacSigningKey.FromEnvironment(variable));
        }

        if (parseResult.GetValue(signKey) is { } pem)
        {
            keys.Add(EcdsaSigningKey.FromPemFile(CommandOptions.FullPath(context, pem)));
        }

        return keys;
    }
}
