using System;
using System.Collections.Generic;
using System.Threading;

namespace EvidenceCatalog.Server.Ingestion;

/// <summary>Why an ingestion was not let in.</summary>
internal enum IngestionRefusal
{
    /// <summary>Let in.</summary>
    None,

    /// <summary>The caller's account has as many ingestions under way as it may (429).</summary>
    AccountBusy,

    /// <summary>The server has as many ingestions under way as it takes (503).</summary>
    ServerBusy,
}

/// <summary>
/// Caps the ingestions under way at once (a body arriving, then stored), per account and overall, so that one tenant's
/// uploads, slow ones above all, cannot take every slot from the others, and the spooled bodies' disk use stays within
/// the overall cap times the body limit.
/// </summary>
internal sealed class IngestionAdmission(ServerOptions options)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> perAccount = new(StringComparer.Ordinal);
    private int total;

    /// <summary>Ingestions under way now, all accounts.</summary>
    public int UnderWay
    {
        get
        {
            lock (gate)
            {
                return total;
            }
        }
    }

    /// <summary>A slot for one ingestion of <paramref name="account"/>, held until disposed; null and why when there is none.</summary>
    public IDisposable? TryEnter(string account, out IngestionRefusal refusal)
    {
        lock (gate)
        {
            perAccount.TryGetValue(account, out int running);
            refusal = running >= options.MaxConcurrentIngestionsPerAccount ? IngestionRefusal.AccountBusy
                : total >= options.MaxConcurrentIngestions ? IngestionRefusal.ServerBusy
                : IngestionRefusal.None;
            if (refusal != IngestionRefusal.None)
            {
                return null;
            }

            perAccount[account] = running + 1;
            total++;
        }

        return new Slot(this, account);
    }

    private void Leave(string account)
    {
        lock (gate)
        {
            total--;
            if (--perAccount[account] == 0)
            {
                perAccount.Remove(account);
            }
        }
    }

    private sealed class Slot(IngestionAdmission admission, string account) : IDisposable
    {
        private int left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref left, 1) == 0)
            {
                admission.Leave(account);
            }
        }
    }
}
