using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using EvidenceCatalog.Runtime.Events;

namespace EvidenceCatalog.Runtime.Stores;

/// <summary>
/// Event rows read back from any store's <c>SELECT id, time, type, outcome, actor, resource, ip, attributes</c>, and
/// streamed with every database error turned into the store's <see cref="EventStoreException"/>.
/// </summary>
public static class EventRows
{
    /// <summary>The columns a reader of <see cref="Read"/> selects, in its order.</summary>
    public const string Columns = "id, time, type, outcome, actor, resource, ip, attributes";

    /// <summary>The columns of an evidence row for samples: <see cref="Columns"/> without the attributes, which no sample shows.</summary>
    public const string EvidenceColumns = "id, time, type, outcome, actor, resource, ip";

    /// <summary>The current row of <see cref="Columns"/> or <see cref="EvidenceColumns"/> (read in column order, so the reader may be sequential).</summary>
    public static AuditEvent Read(DbDataReader rows, string account)
    {
        string id = rows.GetString(0);
        long ticks = rows.GetInt64(1);
        string type = rows.GetString(2);
        string? outcome = NullableString(rows, 3);
        string actor = rows.GetString(4);
        return new AuditEvent(id, new DateTimeOffset(ticks, TimeSpan.Zero), type, outcome, actor, account)
        {
            Resource = NullableString(rows, 5),
            Ip = NullableString(rows, 6),
            Attributes = rows.FieldCount > 7 ? NullableString(rows, 7) : null,
        };
    }

    public static string? NullableString(DbDataReader rows, int ordinal) => rows.IsDBNull(ordinal) ? null : rows.GetString(ordinal);

    /// <summary>
    /// Runs the command <paramref name="open"/> makes when enumeration starts and streams its rows; the command, and
    /// its connection when <paramref name="ownsConnection"/>, are disposed when enumeration ends.
    /// </summary>
    public static IEnumerable<AuditEvent> Stream(Func<DbCommand> open, bool ownsConnection, string account, Func<DbException, EventStoreException> failure)
    {
        DbCommand command;
        DbDataReader rows;
        try
        {
            command = open();
        }
        catch (DbException exception)
        {
            throw failure(exception);
        }

        try
        {
            try
            {
                rows = command.ExecuteReader(CommandBehavior.SequentialAccess);
            }
            catch (DbException exception)
            {
                throw failure(exception);
            }

            using (rows)
            {
                while (true)
                {
                    AuditEvent next;
                    try
                    {
                        if (!rows.Read())
                        {
                            yield break;
                        }

                        next = Read(rows, account);
                    }
                    catch (DbException exception)
                    {
                        throw failure(exception);
                    }

                    yield return next;
                }
            }
        }
        finally
        {
            Close(command, ownsConnection);
        }
    }

    /// <inheritdoc cref="Stream"/>
    public static async IAsyncEnumerable<AuditEvent> StreamAsync(
        Func<CancellationToken, Task<DbCommand>> open,
        bool ownsConnection,
        string account,
        Func<DbException, EventStoreException> failure,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        DbCommand command;
        DbDataReader rows;
        try
        {
            command = await open(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception)
        {
            throw failure(exception);
        }

        try
        {
            try
            {
                rows = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException exception)
            {
                throw failure(exception);
            }

            await using (rows.ConfigureAwait(false))
            {
                while (true)
                {
                    AuditEvent next;
                    try
                    {
                        if (!await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            yield break;
                        }

                        next = Read(rows, account);
                    }
                    catch (DbException exception)
                    {
                        throw failure(exception);
                    }

                    yield return next;
                }
            }
        }
        finally
        {
            Close(command, ownsConnection);
        }
    }

    private static void Close(DbCommand command, bool ownsConnection)
    {
        var connection = command.Connection;
        command.Dispose();
        if (ownsConnection)
        {
            connection?.Dispose();
        }
    }
}
