using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace EvidenceCatalog.Benchmarks.Generation;

/// <summary>
/// Writes CloudTrail-shaped JSON Lines (one management event a line, as the records of CloudTrail's S3 files), for
/// timing log source mapping: the members, nesting and sizes of real records (about 1.3 KB each: user identity with a
/// session context, request parameters, response elements, TLS details), a realistic mix of services and API calls
/// (mostly read-only calls, some sign-ins, role assumptions, policy changes and key rotations, about 3% refused with
/// AccessDenied), one organisation, times spread over 2026-01-01..2026-03-31 in order. Deterministic for a seed.
/// </summary>
internal static class CloudTrailGenerator
{
    // (eventSource, eventName, readOnly, weight): weights sum to 100.
    private static readonly (string Source, string Name, bool ReadOnly, int Weight)[] Calls =
    [
        ("s3.amazonaws.com", "GetBucketAcl", true, 14),
        ("s3.amazonaws.com", "ListBuckets", true, 8),
        ("ec2.amazonaws.com", "DescribeInstances", true, 16),
        ("ec2.amazonaws.com", "DescribeSecurityGroups", true, 8),
        ("sts.amazonaws.com", "AssumeRole", false, 14),
        ("sts.amazonaws.com", "GetCallerIdentity", true, 6),
        ("iam.amazonaws.com", "ListRoles", true, 6),
        ("iam.amazonaws.com", "AttachRolePolicy", false, 2),
        ("iam.amazonaws.com", "CreateAccessKey", false, 1),
        ("kms.amazonaws.com", "Decrypt", true, 12),
        ("kms.amazonaws.com", "RotateKey", false, 1),
        ("signin.amazonaws.com", "ConsoleLogin", false, 4),
        ("lambda.amazonaws.com", "UpdateFunctionConfiguration20150331v2", false, 3),
        ("cloudtrail.amazonaws.com", "LookupEvents", true, 5),
    ];

    private static readonly string[] Users = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"];

    private static readonly string[] Regions = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"];

    public static long Write(string path, long records, int seed)
    {
        var random = new Random(seed);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        double step = TimeSpan.FromDays(90).Ticks / (double)Math.Max(1, records);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var json = new Utf8JsonWriter(file, new JsonWriterOptions { SkipValidation = true });
        Span<byte> id = stackalloc byte[16];
        for (long i = 0; i < records; i++)
        {
            var call = Pick(random);
            string user = Users[random.Next(Users.Length)];
            string region = Regions[random.Next(Regions.Length)];
            var time = start.AddTicks((long)(i * step));
            bool denied = !call.ReadOnly ? random.Next(100) < 6 : random.Next(100) < 2;
            bool console = call.Name == "ConsoleLogin";

            json.WriteStartObject();
            json.WriteString("eventVersion", "1.08");
            json.WriteStartObject("userIdentity");
            json.WriteString("type", console ? "IAMUser" : "AssumedRole");
            json.WriteString("principalId", "AROA5EXAMPLE" + user.ToUpperInvariant() + ":" + user);
            json.WriteString("arn", console ? "arn:aws:iam::111122223333:user/" + user : "arn:aws:sts::111122223333:assumed-role/Engineering/" + user);
            json.WriteString("accountId", "111122223333");
            json.WriteString("accessKeyId", "ASIA" + Hex(random, 8).ToUpperInvariant());
            if (!console)
            {
                json.WriteStartObject("sessionContext");
                json.WriteStartObject("sessionIssuer");
                json.WriteString("type", "Role");
                json.WriteString("principalId", "AROA5EXAMPLEENGINEERING");
                json.WriteString("arn", "arn:aws:iam::111122223333:role/Engineering");
                json.WriteString("accountId", "111122223333");
                json.WriteString("userName", "Engineering");
                json.WriteEndObject();
                json.WriteStartObject("webIdFederationData");
                json.WriteEndObject();
                json.WriteStartObject("attributes");
                json.WriteString("creationDate", time.AddMinutes(-random.Next(1, 600)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                json.WriteString("mfaAuthenticated", random.Next(10) < 8 ? "true" : "false");
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteString("eventTime", time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteString("eventSource", call.Source);
            json.WriteString("eventName", call.Name);
            json.WriteString("awsRegion", region);
            json.WriteString("sourceIPAddress", "203.0.113." + random.Next(1, 255).ToString(CultureInfo.InvariantCulture));
            json.WriteString("userAgent", console
                ? "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"
                : "aws-cli/2.15.10 Python/3.11.6 Linux/6.1.0 exe/x86_64.debian.12 prompt/off command/" + call.Name.ToLowerInvariant());
            if (denied)
            {
                json.WriteString("errorCode", "AccessDenied");
                json.WriteString("errorMessage", "User: arn:aws:sts::111122223333:assumed-role/Engineering/" + user + " is not authorized to perform: " + call.Source.Split('.')[0] + ":" + call.Name);
            }

            json.WriteStartObject("requestParameters");
            json.WriteString("bucketName", "northwind-" + region + "-logs");
            json.WriteString("roleArn", "arn:aws:iam::111122223333:role/Deploy");
            json.WriteString("roleSessionName", user + "-" + Hex(random, 6));
            json.WriteNumber("durationSeconds", 3600);
            json.WriteEndObject();
            if (console)
            {
                json.WriteStartObject("responseElements");
                json.WriteString("ConsoleLogin", random.Next(100) < 92 ? "Success" : "Failure");
                json.WriteEndObject();
                json.WriteStartObject("additionalEventData");
                json.WriteString("LoginTo", "https://console.aws.amazon.com/console/home");
                json.WriteString("MobileVersion", "No");
                json.WriteString("MFAUsed", "Yes");
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("responseElements");
            }

            json.WriteString("requestID", Guid(random, id));
            json.WriteString("eventID", Guid(random, id));
            json.WriteBoolean("readOnly", call.ReadOnly);
            json.WriteString("eventType", console ? "AwsConsoleSignIn" : "AwsApiCall");
            json.WriteBoolean("managementEvent", true);
            json.WriteString("recipientAccountId", "111122223333");
            json.WriteString("eventCategory", "Management");
            json.WriteStartObject("tlsDetails");
            json.WriteString("tlsVersion", "TLSv1.3");
            json.WriteString("cipherSuite", "TLS_AES_128_GCM_SHA256");
            json.WriteString("clientProvidedHostHeader", call.Source.Replace("amazonaws.com", region + ".amazonaws.com", StringComparison.Ordinal));
            json.WriteEndObject();
            json.WriteEndObject();
            json.Flush();
            file.WriteByte((byte)'\n');
            json.Reset(file);
        }

        return records;
    }

    private static (string Source, string Name, bool ReadOnly, int Weight) Pick(Random random)
    {
        int roll = random.Next(100);
        foreach (var call in Calls)
        {
            roll -= call.Weight;
            if (roll < 0)
            {
                return call;
            }
        }

        return Calls[^1];
    }

    private static string Hex(Random random, int bytes)
    {
        Span<byte> data = stackalloc byte[bytes];
        random.NextBytes(data);
        return Convert.ToHexStringLower(data);
    }

    private static string Guid(Random random, Span<byte> bytes)
    {
        random.NextBytes(bytes);
        return new Guid(bytes).ToString("D");
    }
}
