using System;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;

namespace EvidenceCatalog.Synthetic;

/// <summary>
/// The people and services of one synthetic organisation: users drawn from name lists by the seed, with a Zipf-like skew
/// (a few people do most of the work), each with a home and a mobile address; the services by name; attackers' addresses.
/// Every actor and address is encoded as its JSON property once.
/// </summary>
internal sealed class ActorPopulation
{
    public const int UserCount = 250;

    /// <summary>The services that act on their own (names after <c>service:</c>).</summary>
    public static readonly string[] ServiceNames =
    [
        "billing", "search-indexer", "llm-proxy", "scim-provisioner", "workspace-sync", "key-vault",
        "export-worker", "edge-waf", "datadog-synthetics", "anomaly-detector", "deploy-pipeline", "backup-runner",
    ];

    // Zipf–Mandelbrot offset: the busiest user does about 7% of user events rather than the 16% of a plain 1/rank.
    private const int RankOffset = 3;

    private const int HostileAddressCount = 1024;

    private static readonly string[] FirstNames =
    [
        "alice", "amir", "ana", "ben", "carla", "chen", "david", "dmitri", "elena", "emeka", "farah", "felix", "grace",
        "hana", "hugo", "ines", "isaac", "jamal", "julia", "kai", "kenji", "laura", "leon", "lucia", "maria", "mateo",
        "mei", "nadia", "noah", "olga", "omar", "paula", "priya", "rafael", "rosa", "sami", "sara", "sofia", "tariq",
        "tom", "uma", "victor", "wei", "yara", "yusuf", "zoe", "ravi", "ingrid", "pablo", "aiko",
    ];

    private static readonly string[] LastNames =
    [
        "nguyen", "smith", "garcia", "muller", "rossi", "kim", "patel", "silva", "novak", "haddad", "okafor", "tanaka",
        "johansson", "kowalski", "dubois", "cohen", "ivanova", "santos", "chen", "murphy", "schmidt", "lopez", "ali",
        "brown", "wang", "costa", "fischer", "moreau", "jansen", "sato", "kaur", "mendes", "weber", "nakamura", "reyes",
        "hansen", "popescu", "yilmaz", "andersen", "ortiz", "baker", "singh", "romano", "petrov", "lindqvist", "mwangi",
        "herrera", "larsen", "ahmed", "byrne",
    ];

    private readonly byte[][] userActors;
    private readonly byte[][] userHomeAddresses;
    private readonly byte[][] userMobileAddresses;
    private readonly byte[][] serviceActors;
    private readonly byte[][] hostileAddresses;
    private readonly AliasTable userActivity;

    public ActorPopulation(string account, ulong seed)
    {
        UserEmails = new string[UserCount];
        var random = Xoshiro256StarStar.ForStream(seed, stream: 0xAC7025);
        string domain = EmailDomain(account);

        // A partial Fisher–Yates over every first × last pair: distinct names, chosen by the seed alone.
        var pairs = new int[FirstNames.Length * LastNames.Length];
        for (int i = 0; i < pairs.Length; i++)
        {
            pairs[i] = i;
        }

        userActors = new byte[UserCount][];
        userHomeAddresses = new byte[UserCount][];
        userMobileAddresses = new byte[UserCount][];
        var activity = new double[UserCount];
        for (int rank = 0; rank < UserCount; rank++)
        {
            int pick = rank + random.NextInt(pairs.Length - rank);
            (pairs[rank], pairs[pick]) = (pairs[pick], pairs[rank]);
            string name = FirstNames[pairs[rank] / LastNames.Length] + "." + LastNames[pairs[rank] % LastNames.Length];
            UserEmails[rank] = name + "@" + domain;
            userActors[rank] = JsonBytes.Property("actor", "user:" + UserEmails[rank]);
            userHomeAddresses[rank] = JsonBytes.Property("ip", DocumentationAddress(ref random));
            userMobileAddresses[rank] = JsonBytes.Property("ip", DocumentationAddress(ref random));
            activity[rank] = 1.0 / (rank + RankOffset);
        }

        userActivity = new AliasTable(activity);
        serviceActors = Array.ConvertAll(ServiceNames, s => JsonBytes.Property("actor", "service:" + s));
        hostileAddresses = new byte[HostileAddressCount][];
        for (int i = 0; i < HostileAddressCount; i++)
        {
            // 198.18.0.0/15 is reserved for benchmarking, so no real network is named.
            string address = string.Create(
                CultureInfo.InvariantCulture, $"198.{18 + random.NextInt(2)}.{random.NextInt(256)}.{1 + random.NextInt(254)}");
            hostileAddresses[i] = JsonBytes.Property("ip", address);
        }
    }

    /// <summary>Each user's e-mail address (the actor is <c>user:</c> and the address), busiest first.</summary>
    public string[] UserEmails { get; }

    /// <summary>The index of a service by name, for the traits table.</summary>
    public static int ServiceIndex(string name)
    {
        int index = Array.IndexOf(ServiceNames, name);
        return index >= 0 ? index : throw new ArgumentException("Unknown synthetic service '" + name + "'.", nameof(name));
    }

    /// <summary>A user, the busiest most often.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextUser(ref Xoshiro256StarStar random) => userActivity.Sample(ref random);

    public byte[] UserActor(int user) => userActors[user];

    /// <summary>Most sign-ins come from the office or home network, one in eight from a phone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte[] UserAddress(int user, ref Xoshiro256StarStar random) =>
        (random.NextUInt64() & 7) == 0 ? userMobileAddresses[user] : userHomeAddresses[user];

    public byte[] ServiceActor(int service) => serviceActors[service];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte[] HostileAddress(ref Xoshiro256StarStar random) => hostileAddresses[random.NextInt(HostileAddressCount)];

    /// <summary>The longest encoded actor or address, to size the line buffer.</summary>
    public int LongestPiece() =>
        new[] { userActors, userHomeAddresses, userMobileAddresses, serviceActors, hostileAddresses }.SelectMany(p => p).Max(p => p.Length);

    /// <summary>
    /// <c>northwind-cloud</c> mails at <c>northwind.example</c>: the letters and digits of the account's first word, under a
    /// reserved domain, so that an account id of any shape gives a plausible address.
    /// </summary>
    internal static string EmailDomain(string account)
    {
        var word = new StringBuilder();
        foreach (char c in account)
        {
            if (c is '-' or '.' or '_' && word.Length > 0)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
        }

        return (word.Length > 0 ? word.ToString() : "tenant") + ".example";
    }

    /// <summary>An address in 198.51.100.0/24 or 203.0.113.0/24, the ranges reserved for documentation.</summary>
    private static string DocumentationAddress(ref Xoshiro256StarStar random) =>
        string.Create(CultureInfo.InvariantCulture, $"{(random.NextInt(2) == 0 ? "198.51.100" : "203.0.113")}.{1 + random.NextInt(254)}");
}
