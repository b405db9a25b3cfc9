using Segmenta.Core.Schemes.Expressions;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Sql;

namespace Segmenta.Data.Tests.Engine;

/// <summary>
/// The same rule must give the same answer compiled to SQL and run in DuckDB as in Core's in-memory evaluator,
/// for random rules over random tables (nulls, ties, Chinese text included). Seeded, so failures reproduce.
/// </summary>
public class SqlMatchesEvaluatorTests
{
    private static readonly string[] Texts = ["浙江", "江苏", "广东", "Retail", "", "O'Brien"];
    private static readonly string[] NumberColumns = ["n1", "n2", "d1"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomRules_DuckDbAndEvaluator_AgreeOnEveryRow(int seed)
    {
        var random = new Random(seed);
        using var connection = DuckDbStore.Open(":memory:");
        var rows = RandomTable(random, 60);
        Load(connection, rows);
        var compiler = new ExprSqlCompiler(DuckDbDialect.Instance, new HashSet<string>(["id", "n1", "n2", "d1", "s"], StringComparer.Ordinal));
        for (var rule = 0; rule < 40; rule++)
        {
            var expr = RandomCondition(random, depth: 3);
            var sql = compiler.Compile(expr);
            var fromSql = new Dictionary<long, bool?>();
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = $"SELECT id, CASE WHEN {sql} THEN 1 WHEN NOT ({sql}) THEN 0 END FROM t";
                using var reader = cmd.ExecuteReader();
                while (reader.Read()) fromSql[reader.GetInt64(0)] = reader.IsDBNull(1) ? null : reader.GetInt32(1) == 1;
            }
            foreach (var row in rows)
            {
                var inMemory = Core.Schemes.Expressions.ExprEvaluator.EvaluateCondition(expr, name => row[name]);
                Assert.True(fromSql[(long)row["id"]!] == inMemory, $"seed {seed}, rule {sql}, row {string.Join(", ", row.Select(p => $"{p.Key}={p.Value ?? "null"}"))}: SQL {fromSql[(long)row["id"]!]?.ToString() ?? "null"}, memory {inMemory?.ToString() ?? "null"}");
            }
        }
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("-2.5")]
    [InlineData("0.5")]
    [InlineData("-0.01")]
    [InlineData("3.3478020264690964131952018908")]
    [InlineData("4.0")]
    public void Compile_IntegerAgainstFraction_ComparedWithIntegerBoundSameAsEvaluator(string literal)
    {
        var c = decimal.Parse(literal, System.Globalization.CultureInfo.InvariantCulture);
        using var connection = DuckDbStore.Open(":memory:");
        var rows = RandomTable(new Random(7), 80);
        Load(connection, rows);
        var kinds = new Dictionary<string, ColumnKind>(StringComparer.Ordinal) { ["id"] = ColumnKind.Integer, ["n1"] = ColumnKind.Integer, ["n2"] = ColumnKind.Integer, ["d1"] = ColumnKind.Decimal, ["s"] = ColumnKind.Text };
        var compiler = new ExprSqlCompiler(DuckDbDialect.Instance, kinds);
        foreach (var op in Comparisons)
        {
            foreach (var expr in new Expr[] { new Binary(op, new ColumnRef("n1"), new Literal(c)), new Binary(op, new Literal(c), new ColumnRef("n1")), new Binary(op, new Unary(UnaryOp.Negate, new ColumnRef("n1")), new Literal(c)) })
            {
                var sql = compiler.Compile(expr);
                if (op is not (BinaryOp.Equal or BinaryOp.NotEqual) && decimal.Truncate(c) != c)
                    Assert.DoesNotContain(".", sql, StringComparison.Ordinal);   // an integer bound, not the literal
                using var cmd = connection.CreateCommand();
                cmd.CommandText = $"SELECT id, CASE WHEN {sql} THEN 1 WHEN NOT ({sql}) THEN 0 END FROM t";
                using var reader = cmd.ExecuteReader();
                while (reader.Read())
                {
                    var row = rows[(int)reader.GetInt64(0)];
                    var inMemory = Core.Schemes.Expressions.ExprEvaluator.EvaluateCondition(expr, name => row[name]);
                    bool? fromSql = reader.IsDBNull(1) ? null : reader.GetInt32(1) == 1;
                    Assert.True(fromSql == inMemory, $"{sql} with n1 = {row["n1"] ?? "null"}: SQL {fromSql?.ToString() ?? "null"}, memory {inMemory?.ToString() ?? "null"}");
                }
            }
        }
    }

    private static List<Dictionary<string, object?>> RandomTable(Random random, int n)
    {
        var rows = new List<Dictionary<string, object?>>();
        for (long i = 0; i < n; i++)
        {
            rows.Add(new Dictionary<string, object?>
            {
                ["id"] = i,
                ["n1"] = random.Next(8) == 0 ? null : (object)(long)random.Next(-3, 6),        // small ints: many ties
                ["n2"] = random.Next(8) == 0 ? null : (object)(long)random.Next(0, 100),
                ["d1"] = random.Next(8) == 0 ? null : (object)Math.Round((decimal)(random.NextDouble() * 20 - 5), 2),
                ["s"] = random.Next(8) == 0 ? null : Texts[random.Next(Texts.Length)],
            });
        }
        return rows;
    }

    private static void Load(DuckDB.NET.Data.DuckDBConnection connection, List<Dictionary<string, object?>> rows)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "CREATE TABLE t (id BIGINT, n1 BIGINT, n2 BIGINT, d1 DECIMAL(18,2), s VARCHAR)";
        cmd.ExecuteNonQuery();
        using var appender = connection.CreateAppender("t");
        foreach (var r in rows)
        {
            var row = appender.CreateRow().AppendValue((long)r["id"]!).AppendValue((long?)r["n1"]).AppendValue((long?)r["n2"]).AppendValue((decimal?)r["d1"]);
            row.AppendValue((string?)r["s"]).EndRow();
        }
    }

    private static Expr RandomCondition(Random random, int depth)
    {
        var pick = depth <= 0 ? random.Next(4) : random.Next(7);
        return pick switch
        {
            0 => new Binary(Comparisons[random.Next(Comparisons.Length)], RandomNumber(random, depth - 1), RandomNumber(random, depth - 1)),
            1 => new InList(new ColumnRef("s"), [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => (Expr)new Literal(Texts[random.Next(Texts.Length)]))], random.Next(2) == 0),
            2 => new Between(RandomNumber(random, 0), RandomNumber(random, 0), RandomNumber(random, 0), random.Next(3) == 0),
            3 => new IsNull(new ColumnRef(random.Next(2) == 0 ? "s" : NumberColumns[random.Next(NumberColumns.Length)]), random.Next(2) == 0),
            4 => new Binary(BinaryOp.And, RandomCondition(random, depth - 1), RandomCondition(random, depth - 1)),
            5 => new Binary(BinaryOp.Or, RandomCondition(random, depth - 1), RandomCondition(random, depth - 1)),
            _ => new Unary(UnaryOp.Not, RandomCondition(random, depth - 1)),
        };
    }

    private static readonly BinaryOp[] Comparisons = [BinaryOp.Equal, BinaryOp.NotEqual, BinaryOp.Less, BinaryOp.LessOrEqual, BinaryOp.Greater, BinaryOp.GreaterOrEqual];

    // Arithmetic without division: decimal division is exact in .NET but a double in some SQL engines.
    private static readonly BinaryOp[] Arithmetic = [BinaryOp.Add, BinaryOp.Subtract, BinaryOp.Multiply];

    private static Expr RandomNumber(Random random, int depth) => (depth <= 0 ? random.Next(2) : random.Next(4)) switch
    {
        0 => new ColumnRef(NumberColumns[random.Next(NumberColumns.Length)]),
        1 => new Literal(random.Next(3) == 0 ? Math.Round((decimal)(random.NextDouble() * 10), 2) : (decimal)random.Next(-2, 8)),
        2 => new Unary(UnaryOp.Negate, RandomNumber(random, depth - 1)),
        _ => new Binary(Arithmetic[random.Next(Arithmetic.Length)], RandomNumber(random, depth - 1), RandomNumber(random, depth - 1)),
    };

    [Fact]
    public void Compile_StringWithQuote_IsEscapedNotInjected()
    {
        var compiler = new ExprSqlCompiler(DuckDbDialect.Instance, new HashSet<string>(["s"], StringComparer.Ordinal));
        var sql = compiler.Compile(new Binary(BinaryOp.Equal, new ColumnRef("s"), new Literal("x'; DROP TABLE t; --")));
        Assert.Equal("(\"s\" = 'x''; DROP TABLE t; --')", sql);
    }

    [Fact]
    public void Compile_NegatedNegativeLiteral_NeverPrintsSqlCommentMarker()
    {
        var compiler = new ExprSqlCompiler(DuckDbDialect.Instance, new HashSet<string>(["s"], StringComparer.Ordinal));
        var sql = compiler.Compile(new Binary(BinaryOp.Less, new Unary(UnaryOp.Negate, new Literal(-2m)), new Literal(3m)));
        Assert.DoesNotContain("--", sql, StringComparison.Ordinal);
        Assert.Equal("((-(-2)) < 3)", sql);
    }

    [Fact]
    public void Compile_UnknownColumn_ThrowsInputException()
    {
        var compiler = new ExprSqlCompiler(DuckDbDialect.Instance, new HashSet<string>(["s"], StringComparer.Ordinal));
        Assert.Throws<Core.SegmentaInputException>(() => compiler.Compile(new ColumnRef("nope")));
    }
}
