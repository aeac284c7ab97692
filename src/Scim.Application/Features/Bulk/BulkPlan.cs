namespace Scim.Application.Features.Bulk;

/// <summary>
/// The order in which a bulk request's operations run: request order, except that the POST a <c>bulkId:</c> reference
/// names runs before the first operation that refers to it (RFC 7644 §3.7: a processing order of the service
/// provider's choosing must give the result the client meant; a group whose members are created later in the request
/// is created after them). Operations that refer to each other in a cycle have no such order; they are kept apart
/// and fail (RFC 7644 §3.7.1).
/// </summary>
internal sealed class BulkPlan
{
    private readonly Dictionary<int, IReadOnlyList<int>> cycles;

    private BulkPlan(IReadOnlyList<int> order, Dictionary<int, IReadOnlyList<int>> cycles)
    {
        Order = order;
        this.cycles = cycles;
    }

    /// <summary>Every operation's index, each once, in the order they run.</summary>
    public IReadOnlyList<int> Order { get; }

    /// <summary>The operations of the cycle <paramref name="index"/> belongs to, in request order; null when it is in none.</summary>
    public IReadOnlyList<int>? CycleOf(int index) => cycles.GetValueOrDefault(index);

    /// <summary>Plans <paramref name="operations"/>, whose references <paramref name="references"/> resolves.</summary>
    public static BulkPlan Of(IReadOnlyList<BulkOperation> operations, BulkIdResolver references)
    {
        // Which POSTs each operation waits for, earliest first. An operation that cannot run waits for nothing.
        var waitsFor = operations
            .Select(o => o.Invalid is null
                ? BulkIdResolver.ReferencesOf(o).Select(references.PostOf).OfType<int>().Distinct().Order().ToArray()
                : [])
            .ToArray();

        // Tarjan's strongly connected components, without recursion (a chain may be as long as the request): a
        // component is complete only after every component it waits for, so their order of completion is an order in
        // which every reference is created before it is used.
        var count = operations.Count;
        var visited = new int[count];
        var low = new int[count];
        var onStack = new bool[count];
        var stack = new Stack<int>();
        var order = new List<int>(count);
        var cycles = new Dictionary<int, IReadOnlyList<int>>();
        var next = 1;
        for (var root = 0; root < count; root++)
        {
            if (visited[root] != 0)
            {
                continue;
            }

            var work = new Stack<(int Node, int Edge)>();
            work.Push((root, 0));
            while (work.TryPop(out var frame))
            {
                var (node, edge) = frame;
                if (edge == 0)
                {
                    visited[node] = low[node] = next++;
                    stack.Push(node);
                    onStack[node] = true;
                }
                else
                {
                    low[node] = Math.Min(low[node], low[waitsFor[node][edge - 1]]);
                }

                var descended = false;
                for (; edge < waitsFor[node].Length; edge++)
                {
                    var post = waitsFor[node][edge];
                    if (visited[post] == 0)
                    {
                        work.Push((node, edge + 1));
                        work.Push((post, 0));
                        descended = true;
                        break;
                    }

                    if (onStack[post])
                    {
                        low[node] = Math.Min(low[node], visited[post]);
                    }
                }

                if (descended || low[node] != visited[node])
                {
                    continue;
                }

                var component = new List<int>();
                int member;
                do
                {
                    member = stack.Pop();
                    onStack[member] = false;
                    component.Add(member);
                }
                while (member != node);

                component.Sort();
                order.AddRange(component);
                if (component.Count > 1 || waitsFor[node].Contains(node))
                {
                    foreach (var cyclic in component)
                    {
                        cycles[cyclic] = component;
                    }
                }
            }
        }

        return new BulkPlan(order, cycles);
    }
}
