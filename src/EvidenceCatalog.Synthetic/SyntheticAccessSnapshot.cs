using System;
using System.Collections.Generic;
using System.Linq;
using EvidenceCatalog.Model;
using EvidenceCatalog.Runtime.Reports.Sections;

namespace EvidenceCatalog.Synthetic;

/// <summary>
/// An access snapshot for the same people the synthetic events name: roles from the access catalog by seniority,
/// departments, recent activity with a few inactive accounts, and API keys including the findings a review should
/// catch (an expired key, a stale one, one due for rotation, one whose owner has left).
/// </summary>
public static class SyntheticAccessSnapshot
{
    private static readonly string[] Departments = ["engineering", "security", "operations", "finance", "sales", "support"];
    private static readonly string[] Resources = ["admin-console", "billing-db", "customer-data", "deploy-pipeline", "support-tickets"];

    public static AccessSnapshot Create(CatalogModel model, string account, ulong seed, DateTimeOffset takenAt)
    {
        ArgumentNullException.ThrowIfNull(model);
        var users = new ActorPopulation(account, seed).UserEmails;
        var random = Xoshiro256StarStar.ForStream(seed, stream: 0xACCE55);
        var roles = model.Roles.OrderByDescending(r => r.Level).Select(r => r.Id).ToArray();
        var snapshotUsers = new List<SnapshotUser>();
        for (int rank = 0; rank < users.Length; rank++)
        {
            // Few owners and admins, most people members, a tail of viewers.
            double position = (double)rank / users.Length;
            string role = roles.Length == 0 ? "member" : roles[Math.Min(roles.Length - 1, position < 0.004 ? 0 : position < 0.02 ? 1 : position < 0.06 ? 2 : position < 0.08 ? 3 : position < 0.85 ? 4 : 5)];
            int idleHours = rank % 47 == 46 ? 2400 + random.NextInt(2000) : random.NextInt(24 * (1 + (rank / 10)));
            var access = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var resource in Resources.Where((_, i) => (rank + i) % 3 != 0))
            {
                access[resource] = 1 + random.NextInt(400 / (1 + (rank / 25)));
            }

            snapshotUsers.Add(new SnapshotUser(users[rank], role, [Departments[rank % Departments.Length]], takenAt.AddHours(-idleHours), access));
        }

        var providers = model.Vendors.Select(v => v.Id).DefaultIfEmpty("internal").ToArray();
        var keys = new List<SnapshotApiKey>();
        for (int i = 0; i < 12; i++)
        {
            string owner = i == 11 ? "former.employee@" + users[0].Split('@')[1] : users[i % 9];
            var created = takenAt.AddDays(i == 10 ? -400 : -(30 + (i * 17)));
            var expires = i == 9 ? takenAt.AddDays(-3) : created.AddDays(i == 10 ? 730 : 365);
            var lastUsed = i == 8 ? takenAt.AddDays(-120) : takenAt.AddHours(-(1 + random.NextInt(72)));
            keys.Add(new SnapshotApiKey($"key-{i + 1:D2}", owner, providers[i % providers.Length], created, expires, lastUsed));
        }

        return new AccessSnapshot(takenAt, snapshotUsers, keys);
    }
}
