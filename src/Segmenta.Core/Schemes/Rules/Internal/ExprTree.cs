using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Core.Schemes.Rules.Internal;

/// <summary>Walks expression trees without recursion, so any tree depth is safe here.</summary>
internal static class ExprTree
{
    /// <summary>The direct children of a node, left to right.</summary>
    public static IEnumerable<Expr> Children(Expr expr)
    {
        switch (expr)
        {
            case Binary b:
                yield return b.Left;
                yield return b.Right;
                break;
            case Unary u:
                yield return u.Operand;
                break;
            case InList l:
                yield return l.Value;
                foreach (var item in l.Items) yield return item;
                break;
            case Between b:
                yield return b.Value;
                yield return b.Low;
                yield return b.High;
                break;
            case IsNull n:
                yield return n.Value;
                break;
            case CaseWhen c:
                foreach (var branch in c.Branches)
                {
                    yield return branch.When;
                    yield return branch.Then;
                }
                yield return c.Else;
                break;
        }
    }

    /// <summary>All nodes in pre-order (a node before its children, children left to right).</summary>
    public static IEnumerable<Expr> PreOrder(Expr root)
    {
        var stack = new Stack<Expr>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            foreach (var child in Children(node).Reverse()) stack.Push(child);
        }
    }

    /// <summary>Number of nodes on the longest root-to-leaf path (a leaf has depth 1).</summary>
    public static int Depth(Expr root)
    {
        var max = 0;
        var stack = new Stack<(Expr Node, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            max = Math.Max(max, depth);
            foreach (var child in Children(node)) stack.Push((child, depth + 1));
        }
        return max;
    }
}
