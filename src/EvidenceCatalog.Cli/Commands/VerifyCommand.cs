using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using EvidenceCatalog.Runtime.Packages;
using EvidenceCatalog.Runtime.Signing;

namespace EvidenceCatalog.Cli.Commands;

/// <summary>
/// <c>evidence verify REPORT (--hmac-key-file F | --hmac-key-env VAR | --public-key PEM)</c>: checks a signed report
/// (<c>.json</c>, signature inside), an exported file (anything else, against <c>FILE.sig</c> beside it), or a package
/// (a folder or a <c>.zip</c>: its DSSE bundle, every digest, and the report's signature). Exit 0 when intact, 1 when
/// not signed or not intact, 2 when the input or the key cannot be read.
/// </summary>
internal sealed class VerifyCommand : Command
{
    /// <summary>Verification found the file not signed or altered; the same code as catalog errors: "what you gave me is not good".</summary>
    private const int NotVerified = ExitCodes.Failed;

    private readonly CommandContext context;

    private readonly Argument<string> report = new("report")
    {
        Description = "The signed report (.json: its signatures member is checked), an exported file such as the CSV (checked against FILE.sig next to it), or a package (a folder or a .zip written by 'evidence package').",
    };

    private readonly Option<string?> hmacKeyFile = new("--hmac-key-file")
    {
        Description = "File whose exact bytes are the organisation's HMAC-SHA256 secret.",
        HelpName = "file",
    };

    private readonly Option<string?> hmacKeyEnv = new("--hmac-key-env")
    {
        Description = "Name of the environment variable holding the HMAC-SHA256 secret in base64 (the secret never goes on the command line).",
        HelpName = "variable",
    };

    private readonly Option<string?> publicKey = new("--public-key")
    {
        Description = "ECDSA P-256 public key (PEM, -----BEGIN PUBLIC KEY-----) to check an ES256 signature; no secret needed.",
        HelpName = "pem",
    };

    public VerifyCommand(CommandContext context)
        : base("verify", "Verify the signature of a report (.json), of an exported file (against FILE.sig), or of a package (folder or .zip).")
    {
        this.context = context;
        Arguments.Add(report);
        Options.Add(hmacKeyFile);
        Options.Add(hmacKeyEnv);
        Options.Add(publicKey);
        Validators.Add(RequireOneKey);
        SetAction(Execute);
    }

    private int Execute(ParseResult parseResult)
    {
        string given = parseResult.GetValue(report)!;
        string path = Path.GetFullPath(given, context.WorkingDirectory);
        try
        {
            if (Directory.Exists(path) || (File.Exists(path) && PackageFiles.IsZip(path)))
            {
                using var packageKey = LoadKey(parseResult);
                return VerifyPackage(given, path, packageKey);
            }

            if (!File.Exists(path))
            {
                throw new CommandInputException("'" + given + "' does not exist");
            }

            using var key = LoadKey(parseResult);
            var result = string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase)
                ? ReportVerifier.Verify(File.ReadAllBytes(path), key)
                : DetachedVerifier.VerifyFile(path, key);

            if (result.IsIntact)
            {
                context.Output.WriteLine("verified: " + given + " (" + result.Algorithm + ", key " + result.KeyId + ")");
                return ExitCodes.Success;
            }

            // Name the signature that failed, unless the reason already does or there was none to name.
            string which = result.Outcome == VerificationOutcome.Failed && result.KeyId.Length > 0 && !result.Reason.Contains(result.KeyId, StringComparison.Ordinal)
                ? " [" + result.Algorithm + " signature, key " + result.KeyId + "]"
                : string.Empty;
            context.Error.WriteLine("evidence: " + given + ": " + EvidenceCli.OneLine(result.Reason) + which);
            return result.Outcome == VerificationOutcome.Unreadable ? ExitCodes.UsageOrInputError : NotVerified;
        }
        catch (Exception exception) when (exception is CommandInputException or SigningKeyException)
        {
            context.Error.WriteLine("evidence: " + EvidenceCli.OneLine(exception.Message));
            return ExitCodes.UsageOrInputError;
        }
        catch (PackageFormatException exception)
        {
            context.Error.WriteLine("evidence: " + EvidenceCli.OneLine(exception.Message));
            return ExitCodes.UsageOrInputError;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine("evidence: cannot read '" + given + "': " + EvidenceCli.OneLine(exception.Message));
            return ExitCodes.UsageOrInputError;
        }
    }

    /// <summary>A package (a folder or a .zip): the envelope, every digest, the manifest, the report's and the detached signatures.</summary>
    private int VerifyPackage(string given, string path, VerificationKey key)
    {
        PackageVerification result;
        using (var package = PackageContent.Open(path))
        {
            result = PackageVerifier.Verify(package, key);
        }

        if (result.IsIntact)
        {
            context.Output.WriteLine("verified: " + given + " (" + result.Algorithm + ", key " + result.KeyId + "): " + PackagePath.Bundle + " signature, "
                + result.Subjects.ToString(System.Globalization.CultureInfo.InvariantCulture) + " files against their SHA-256, no file missing or extra, "
                + PackagePath.Report + " signature (" + result.Report!.Algorithm + ", key " + result.Report.KeyId + ")");
            return ExitCodes.Success;
        }

        foreach (string problem in result.Problems)
        {
            context.Error.WriteLine("evidence: " + given + ": " + EvidenceCli.OneLine(problem));
        }

        return NotVerified;
    }

    private VerificationKey LoadKey(ParseResult parseResult)
    {
        if (parseResult.GetValue(publicKey) is { } pem)
        {
            return VerificationKey.FromPublicKeyPemFile(Path.GetFullPath(pem, context.WorkingDirectory));
        }

        if (parseResult.GetValue(hmacKeyFile) is { } file)
        {
            return VerificationKey.FromHmacKeyFile(Path.GetFullPath(file, context.WorkingDirectory));
        }

        return VerificationKey.FromHmacKeyEnvironment(parseResult.GetValue(hmacKeyEnv)!);
    }

    private void RequireOneKey(CommandResult result)
    {
        int given = (result.GetResult(hmacKeyFile) is null ? 0 : 1) + (result.GetResult(hmacKeyEnv) is null ? 0 : 1) + (result.GetResult(publicKey) is null ? 0 : 1);
        if (given != 1)
        {
            result.AddError("verify needs exactly one key: --hmac-key-file, --hmac-key-env or --public-key" + (given == 0 ? "." : ", not " + given.ToString(System.Globalization.CultureInfo.InvariantCulture) + "."));
        }
    }
}
