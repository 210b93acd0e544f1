using System;
using System.Text;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Server.Ingestion;

/// <summary>
/// Passes on the records of the caller's account and rejects the others: a token may only add evidence to its own
/// tenant. A rejected record moves from accepted to rejected in the counts, so they still add up.
/// </summary>
internal sealed class TenantSink(string account, IEventSink inner, IngestionStats stats, IEventQuarantine quarantine, string source) : IEventSink
{
    private readonly byte[] accountUtf8 = Encoding.UTF8.GetBytes(account);

    public void Accept(in EventRecord record)
    {
        if (record.Account.SequenceEqual(accountUtf8))
        {
            inner.Accept(record);
            return;
        }

        stats.Accepted--;
        stats.Rejected++;
        string other = Encoding.UTF8.GetString(record.Account);
        quarantine.Add(new EventRejection(
            source,
            record.Line,
            $"account '{other}' is not this token's account '{account}'; send each account's events with its own token",
            Encoding.UTF8.GetString(record.Id)));
    }
}
