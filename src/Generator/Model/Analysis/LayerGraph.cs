using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Analysis;

/// <summary>The layers as a directed graph: an edge from each input to the layer reading it.</summary>
internal sealed class LayerGraph
{
    private readonly List<int>[] _sources;
    private readonly int _count;

    /// <param name="inputNames">Each layer's inputs by name.</param>
    /// <param name="indexByName">Layer indexes by name; names missing from it (network inputs, unknown names) add no edge.</param>
    public LayerGraph(IReadOnlyList<IReadOnlyList<string>> inputNames, IReadOnlyDictionary<string, int> indexByName)
    {
        _count = inputNames.Count;
        _sources = new List<int>[_count];
        for (var i = 0; i < _count; i++)
        {
            _sources[i] = inputNames[i]
                .Where(indexByName.ContainsKey)
                .Select(name => indexByName[name])
                .Distinct()
                .ToList();
        }
    }

    /// <summary>Every cycle (strongly connected component with a loop), each listed in reference order.</summary>
    public IReadOnlyList<IReadOnlyList<int>> FindCycles()
    {
        // Tarjan's algorithm: declarations are small, recursion depth is bounded by the layer count.
        var index = 0;
        var indexes = Enumerable.Repeat(-1, _count).ToArray();
        var lowLinks = new int[_count];
        var onStack = new bool[_count];
        var stack = new Stack<int>();
        var cycles = new List<IReadOnlyList<int>>();

        void Visit(int node)
        {
            indexes[node] = lowLinks[node] = index++;
            stack.Push(node);
            onStack[node] = true;
            foreach (var source in _sources[node])
            {
                if (indexes[source] < 0)
                {
                    Visit(source);
                    lowLinks[node] = System.Math.Min(lowLinks[node], lowLinks[source]);
                }
                else if (onStack[source])
                {
                    lowLinks[node] = System.Math.Min(lowLinks[node], indexes[source]);
                }
            }

            if (lowLinks[node] == indexes[node])
            {
                var component = new List<int>();
                int member;
                do
                {
                    member = stack.Pop();
                    onStack[member] = false;
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1 || _sources[node].Contains(node))
                {
                    component.Sort();
                    cycles.Add(component);
                }
            }
        }

        for (var node = 0; node < _count; node++)
        {
            if (indexes[node] < 0)
            {
                Visit(node);
            }
        }

        return cycles.OrderBy(static cycle => cycle[0]).ToList();
    }

    /// <summary>
    /// Layers in an order where every layer comes after its inputs; ties keep declaration
    /// order so a plain stack of layers runs top to bottom. Layers on a cycle are left out.
    /// </summary>
    public IReadOnlyList<int> TopologicalOrder()
    {
        var remaining = _sources.Select(static sources => sources.Count).ToArray();
        var readers = Enumerable.Range(0, _count).Select(static _ => new List<int>()).ToArray();
        for (var node = 0; node < _count; node++)
        {
            foreach (var source in _sources[node])
            {
                readers[source].Add(node);
            }
        }

        var ready = new SortedSet<int>(Enumerable.Range(0, _count).Where(node => remaining[node] == 0));
        var order = new List<int>();
        while (ready.Count > 0)
        {
            var node = ready.Min;
            ready.Remove(node);
            order.Add(node);
            foreach (var reader in readers[node])
            {
                if (--remaining[reader] == 0)
                {
                    ready.Add(reader);
                }
            }
        }

        return order;
    }

    /// <summary>For each layer, whether some output depends on it (an output depends on itself).</summary>
    public bool[] ReachingOutputs(IEnumerable<int> outputs)
    {
        var used = new bool[_count];
        var pending = new Stack<int>(outputs);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (used[node])
            {
                continue;
            }

            used[node] = true;
            foreach (var source in _sources[node])
            {
                pending.Push(source);
            }
        }

        return used;
    }
}
