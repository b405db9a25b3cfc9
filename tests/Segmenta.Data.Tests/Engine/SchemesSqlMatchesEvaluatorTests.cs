using System.Globalization;
using Segmenta.Core.Pipelines;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Schemes.Expressions;
using Segmenta.Data.DuckDb;

namespace Segmenta.Data.Tests.Engine;

/// <summary>
/// Whole schemes of every kind, with random settings over random feature tables (nulls, ties, Chinese text), planned
/// through the same pipeline step as a run: DuckDB's SQL and Core's in-memory evaluator give every customer the same
/// segment in every scheme. Seeded, so a failure reproduces.
/// </summary>
public class SchemesSqlMatchesEvaluatorTests
{
    private static readonly string[] Regions = ["浙江", "江苏", "广东", "O'Brien", ""];

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(16)]
    public async Task RandomSchemesOfEveryKind_DuckDbAndEvaluator_SameSegmentForEveryCustomer(int seed)
    {
        var (connection, _, plans) = await AppliedRandomSchemesAsync(seed);
        using var owned = connection;

        var features = Rows(connection, DuckDbEngine.FeaturesTable);
        var fromSql = Rows(connection, DuckDbEngine.SegmentsTable).ToDictionary(r => (string)r["customer_id"]!);
        foreach (var row in features)
        {
            var derived = new Dictionary<string, object?>(StringComparer.Ordinal);
            object? Lookup(string name) => derived.TryGetValue(name, out var v) ? v : row[name];
            foreach (var plan in plans)
            {
                foreach (var (name, value) in ExprEvaluator.EvaluatePlan(plan, Lookup))
                    derived[name] = value;
                var inMemory = derived[plan.SegmentColumn];
                var sql = fromSql[(string)row["customer_id"]!][plan.SegmentColumn];
                Assert.True(Equals(inMemory, sql), $"seed {seed}, scheme {plan.Scheme}, customer {row["customer_id"]}: SQL {sql ?? "null"}, memory {inMemory ?? "null"}");
                Assert.Contains(plan.Segments, s => s.Key == (string?)inMemory || plan.Scheme.StartsWith("by_region", StringComparison.Ordinal));
                if (plan.Scheme == "kmeans_j")
                    Assert.Equal(NearestCentre(plan, row), (string?)sql);
            }
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public async Task SegmentStats_AllSchemesInOnePass_SameAsEachSchemeOverTheView(int seed)
    {
        var (connection, engine, plans) = await AppliedRandomSchemesAsync(seed);
        using var owned = connection;

        var columns = plans.Select(p => p.SegmentColumn).ToList();
        var all = await engine.SegmentStatsAsync(columns, CancellationToken.None);
        foreach (var column in columns)
        {
            // One column at a time reads the customer_segments view (features ⋈ assignments) with avg().
            var one = (await engine.SegmentStatsAsync(column, CancellationToken.None)).OrderBy(s => s.Segment, StringComparer.Ordinal).ToList();
            Assert.Equal(one.Select(s => (s.Segment, s.Customers, s.Revenue)), all[column].Select(s => (s.Segment, s.Customers, s.Revenue)));
            for (var i = 0; i < one.Count; i++)
            {
                Assert.Equal(one[i].MeanRecencyDays, all[column][i].MeanRecencyDays, 1e-9);
                Assert.Equal(one[i].MeanOrders, all[column][i].MeanOrders, 1e-9);
                Assert.Equal(one[i].MeanMonetary, all[column][i].MeanMonetary, 1e-9);
            }
        }
        // The measures the assignments carry for the statistics appear once in the view, as features.
        var view = engine.TableColumns(DuckDbEngine.SegmentsTable);
        Assert.Equal([.. engine.TableColumns(DuckDbEngine.FeaturesTable), .. engine.TableColumns(DuckDbEngine.AssignmentsTable).Where(c => c != "customer_id" && c is not ("monetary_total" or "recency_days" or "orders"))], view);
    }

    /// <summary>A random feature table in a new in-memory store with the random schemes of every kind applied to it.</summary>
    private static async Task<(DuckDB.NET.Data.DuckDBConnection Connection, DuckDbEngine Engine, IReadOnlyList<Segmenta.Core.Schemes.SchemePlan> Plans)> AppliedRandomSchemesAsync(int seed)
    {
        var random = new Random(seed);
        var connection = DuckDbStore.Open(":memory:");
        LoadFeatures(connection, random, 80 + random.Next(60));
        var engine = new DuckDbEngine(connection);
        var (plans, _) = await UserSchemePlanner.PlanAsync(engine, [], [.. RandomSchemes(random).Select(d => new UserScheme(d, "test"))]);
        await engine.ApplyPlansAsync(plans, CancellationToken.None);
        return (connection, engine, plans);
    }

    /// <summary>
    /// The key of the centre nearest to the customer, recomputed from the plan's parameters alone (the stored transform
    /// and the transformed centres), as a later run reusing the plan would: the written assignment must agree.
    /// </summary>
    private static string NearestCentre(Segmenta.Core.Schemes.SchemePlan plan, Dictionary<string, object?> row)
    {
        var prefix = plan.Scheme + ":transform(";
        var features = plan.Parameters.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..^1]).ToList();
        var z = features.Select(f =>
        {
            var t = plan.Parameters[$"{prefix}{f})"];
            if (row[f] is not { } value) return 0.0;
            var x = Math.Clamp(Convert.ToDouble(value, CultureInfo.InvariantCulture), (double)t[1], (double)t[2]);
            var y = t[0] == 1m ? Math.Log(1 + x) : x;
            return (y - (double)t[3]) / (double)t[4];
        }).ToList();
        string? best = null;
        var bestDistance = double.PositiveInfinity;
        foreach (var segment in plan.Segments)
        {
            var distance = features.Select((f, j) => Math.Pow(z[j] - (double)plan.Parameters[$"{plan.Scheme}:centre_z({segment.Key}, {f})"][0], 2)).Sum();
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = segment.Key;
            }
        }
        return best!;
    }

    private static void LoadFeatures(DuckDB.NET.Data.DuckDBConnection connection, Random random, int n)
    {
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"CREATE TABLE {DuckDbEngine.FeaturesTable} (customer_id VARCHAR, orders BIGINT, recency_days BIGINT, tenure_days BIGINT, mean_gap_days DECIMAL(18,4), monetary_total DECIMAL(18,2), monetary_mean DECIMAL(18,2), clv_12m DOUBLE, region VARCHAR)";
            cmd.ExecuteNonQuery();
        }
        using var appender = connection.CreateAppender(DuckDbEngine.FeaturesTable);
        for (var i = 0; i < n; i++)
        {
            var orders = random.Next(10) == 0 ? (long?)null : random.Next(0, 12);
            var tenure = (long)random.Next(1, 900);
            appender.CreateRow()
                .AppendValue(i.ToString("D4", CultureInfo.InvariantCulture))
                .AppendValue(orders)
                .AppendValue(orders is null or 0 ? null : (long?)random.Next(0, (int)tenure + 1))
                .AppendValue(tenure)
                .AppendValue(orders is null or < 2 ? null : (decimal?)Math.Round((decimal)(random.NextDouble() * 200), random.Next(3) == 0 ? 0 : 4))
                .AppendValue(random.Next(12) == 0 ? null : (decimal?)Math.Round((decimal)(random.NextDouble() * 3000) * (random.Next(4) == 0 ? 0 : 1), random.Next(3) == 0 ? 0 : 2))
                .AppendValue(random.Next(12) == 0 ? null : (decimal?)random.Next(1, 50))
                .AppendValue(random.Next(8) == 0 ? null : Math.Round(random.NextDouble() * 500, 3))
                .AppendValue(random.Next(6) == 0 ? null : Regions[random.Next(Regions.Length)])
                .EndRow();
        }
    }

    private static List<Dictionary<string, object?>> Rows(DuckDB.NET.Data.DuckDBConnection connection, string table)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT * FROM {table}";
        using var reader = cmd.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private static readonly string[] Numbers = ["orders", "recency_days", "tenure_days", "mean_gap_days", "monetary_total", "monetary_mean", "clv_12m"];

    private static decimal Share(Random r) => Math.Round((decimal)(0.05 + r.NextDouble() * 0.9), 2);

    private static string Condition(Random r, int depth = 0)
    {
        var x = Numbers[r.Next(Numbers.Length)];
        var simple = r.Next(depth > 1 ? 6 : 9) switch
        {
            0 => $"{x} >= p{r.Next(5, 96)}({x})",
            1 => $"{x} < median({x})",
            2 => $"{x} > mean({x}) * {Math.Round((decimal)r.NextDouble() * 2, 2).ToString(CultureInfo.InvariantCulture)}",
            3 => $"{x} {(r.Next(2) == 0 ? "<=" : ">")} {r.Next(-5, 400)}",
            4 => $"region in ('{Regions[r.Next(3)]}', '{Regions[r.Next(Regions.Length)].Replace("'", "''", StringComparison.Ordinal)}')",
            5 => $"{x} is {(r.Next(2) == 0 ? "" : "not ")}null",
            6 => $"({Condition(r, depth + 1)}) and ({Condition(r, depth + 1)})",
            7 => $"({Condition(r, depth + 1)}) or ({Condition(r, depth + 1)})",
            _ => $"not ({Condition(r, depth + 1)})",
        };
        return simple;
    }

    private static AxisDefinition Axis(Random r, string measure)
    {
        var split = AxisSplits.All[r.Next(AxisSplits.All.Count)];
        IReadOnlyList<decimal> at = split switch
        {
            AxisSplits.Quantile => [.. Enumerable.Range(0, r.Next(1, 3)).Select(_ => Share(r)).Distinct().Order()],
            AxisSplits.Fixed => [.. Enumerable.Range(0, r.Next(1, 3)).Select(_ => (decimal)r.Next(0, 1500)).Distinct().Order()],
            _ => [],
        };
        return new AxisDefinition { Measure = measure, Split = split, At = at };
    }

    private static List<SchemeDefinition> RandomSchemes(Random r)
    {
        var rules = new SchemeDefinition
        {
            Name = "rules_a",
            Kind = SchemeKinds.Rules,
            Default = "rest",
            Segments = [.. Enumerable.Range(0, r.Next(1, 4)).Select(i => new SegmentDefinition { Name = "s" + i, When = Condition(r) })],
        };
        var method = BinMethods.All[r.Next(BinMethods.All.Count)];
        IReadOnlyList<decimal> breaks = method switch
        {
            BinMethods.Quantile => [.. Enumerable.Range(0, r.Next(1, 4)).Select(_ => Share(r)).Distinct().Order()],
            BinMethods.Fixed => [.. Enumerable.Range(0, r.Next(1, 4)).Select(_ => (decimal)r.Next(0, 2000)).Distinct().Order()],
            _ => [],
        };
        var tiers = method == BinMethods.EqualWidth ? r.Next(2, 5) : breaks.Count + 1;
        var bins = new SchemeDefinition
        {
            Name = "bins_b",
            Kind = SchemeKinds.Bins,
            Bins = new BinsSettings { Measure = Numbers[r.Next(Numbers.Length)], Method = method, Breaks = breaks },
            Segments = [.. Enumerable.Range(0, tiers).Select(i => new SegmentDefinition { Name = "t" + i })],
        };
        var rows = Axis(r, "monetary_total");
        var columns = Axis(r, "orders");
        var rowBands = rows.At.Count == 0 ? 2 : rows.At.Count + 1;
        var columnBands = columns.At.Count == 0 ? 2 : columns.At.Count + 1;
        var matrix = new SchemeDefinition
        {
            Name = "matrix_c",
            Kind = SchemeKinds.Matrix,
            Matrix = new MatrixSettings { Rows = rows, Columns = columns },
            Segments = [.. from i in Enumerable.Range(1, rowBands) from j in Enumerable.Range(1, columnBands) select new SegmentDefinition { Name = $"c{i}_{j}", Cell = [i, j] }],
        };
        var grading = new SchemeDefinition
        {
            Name = "grading_d",
            Kind = SchemeKinds.Grading,
            Grading = new GradingSettings { Contribution = new AxisDefinition { Measure = "monetary_total", Split = r.Next(2) == 0 ? AxisSplits.Mean : AxisSplits.Median }, Potential = new AxisDefinition { Measure = "clv_12m" } },
        };
        var lifecycle = new SchemeDefinition
        {
            Name = "lifecycle_e",
            Kind = SchemeKinds.Lifecycle,
            Lifecycle = new LifecycleSettings { NewWithinDays = r.Next(1, 60), DormantAfterDays = r.Next(60, 200), ChurnedAfterDays = r.Next(200, 600), DormantGapMultiple = r.Next(1, 5), PAliveColumn = "clv_12m", PAliveBelow = 0.5m },
        };
        var behaviour = new SchemeDefinition { Name = "behaviour_f", Kind = SchemeKinds.Behaviour };
        var needs = new SchemeDefinition { Name = "needs_g", Kind = SchemeKinds.Needs, Segments = [new SegmentDefinition { Name = "experience", When = Condition(r) }] };
        var attribute = new SchemeDefinition
        {
            Name = "attribute_h",
            Kind = SchemeKinds.Attribute,
            Default = "other",
            Attribute = new AttributeSettings { Column = "region", Mapping = new Dictionary<string, string> { ["浙江"] = "east", ["江苏"] = "east", ["广东"] = "south" } },
            Segments = [new SegmentDefinition { Name = "east" }, new SegmentDefinition { Name = "south" }],
        };
        var byRegion = new SchemeDefinition { Name = "by_region", Kind = SchemeKinds.Attribute, Default = "unknown", Attribute = new AttributeSettings { Column = "region" } };
        string Key(SchemeDefinition d, Func<int, string> name, int count) => r.Next(4) == 0 ? "*" : name(r.Next(count));
        var combine = new SchemeDefinition
        {
            Name = "combine_i",
            Kind = SchemeKinds.Combine,
            Default = "other",
            Combine = new CombineSettings { First = "lifecycle_e", Second = "matrix_c" },
            Segments = [.. Enumerable.Range(0, r.Next(1, 4)).Select(i => new SegmentDefinition
            {
                Name = "k" + i,
                Match = [Key(lifecycle, j => LifecycleSettings.Stages[j], LifecycleSettings.Stages.Count), Key(matrix, j => matrix.Segments[j].Name, matrix.Segments.Count)],
            })],
        };
        string[] numeric = ["orders", "recency_days", "tenure_days", "monetary_total", "clv_12m", "mean_gap_days"];
        var kmeans = new SchemeDefinition
        {
            Name = "kmeans_j",
            Kind = SchemeKinds.KMeans,
            KMeans = new KMeansSettings
            {
                Features = [.. numeric.OrderBy(_ => r.Next()).Take(r.Next(2, 4))],
                K = r.Next(2, 5),
                Seed = r.Next(),
                Transform = r.Next(2) == 0 ? "auto" : "none",
            },
        };
        // Rules over other schemes' segment columns (ENUMs in DuckDB) with keys they never take.
        var onSegments = new SchemeDefinition
        {
            Name = "rules_k",
            Kind = SchemeKinds.Rules,
            Default = "rest",
            Segments =
            [
                new SegmentDefinition { Name = "a", When = "lifecycle_e = 'no_such_stage' or attribute_h in ('east', 'nowhere')" },
                new SegmentDefinition { Name = "b", When = "lifecycle_e <> 'active' and matrix_c <> 'zz' and combine_i is not null" },
                new SegmentDefinition { Name = "c", When = "by_region = '江苏' or behaviour_f not in ('loyal', 'nothing')" },
            ],
        };
        return [rules, bins, matrix, grading, lifecycle, behaviour, needs, attribute, byRegion, combine, kmeans, onSegments];
    }
}
