namespace Zwgk.Search.Text;

/// <summary>
/// Immutable character trie in compact arrays. Lookups walk one char at a time, so a dictionary scan from a position
/// costs one step per char and never allocates. Node 0 is the root; its children are found by direct index, other
/// nodes keep their children contiguous and sorted (breadth-first numbering), so children of n are
/// [first[n], first[n + 1]).
/// </summary>
internal sealed class CharTrie
{
    private const int LinearScanLimit = 16;

    private readonly int[] _root;   // char → child of the root, 0 = none
    private readonly int[] _first;  // length NodeCount + 1
    private readonly char[] _label; // edge label of each node

    private CharTrie(int[] root, int[] first, char[] label)
    {
        _root = root;
        _first = first;
        _label = label;
    }

    public int NodeCount => _label.Length;

    /// <summary>Child of <paramref name="node"/> along <paramref name="c"/>, or 0.</summary>
    public int Child(int node, char c)
    {
        if (node == 0) return _root[c];
        int lo = _first[node], hi = _first[node + 1];
        int n = hi - lo;
        if (n <= LinearScanLimit)
        {
            int k = _label.AsSpan(lo, n).IndexOf(c);
            return k < 0 ? 0 : lo + k;
        }
        hi--;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            char m = _label[mid];
            if (m == c) return mid;
            if (m < c) lo = mid + 1; else hi = mid - 1;
        }
        return 0;
    }

    /// <summary>Node reached by the whole of <paramref name="key"/>, or 0.</summary>
    public int Find(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty) return 0;
        int node = 0;
        foreach (char c in key)
        {
            node = Child(node, c);
            if (node == 0) return 0;
        }
        return node;
    }

    /// <summary>
    /// Enumerates nodes depth-first in key order, calling <paramref name="visit"/> with each node and its key
    /// (the span is only valid during the call).
    /// </summary>
    public void Walk(SpanAction visit)
    {
        var path = new char[64];
        var stack = new Stack<(int Node, int Depth)>();
        for (int c = _first[1] - 1; c >= 1; c--) stack.Push((c, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > path.Length) Array.Resize(ref path, path.Length * 2);
            path[depth - 1] = _label[node];
            visit(node, path.AsSpan(0, depth));
            for (int c = _first[node + 1] - 1; c >= _first[node]; c--) stack.Push((c, depth + 1));
        }
    }

    public delegate void SpanAction(int node, ReadOnlySpan<char> key);

    /// <summary>
    /// Builds the trie from keys given as slices of <paramref name="buffer"/>. <paramref name="order"/> lists the key
    /// indices sorted ordinally with no two equal keys. Returns the node of each key in <paramref name="keyNode"/>.
    /// </summary>
    public static CharTrie Build(string buffer, int[] starts, int[] lengths, ReadOnlySpan<int> order, int[] keyNode)
    {
        long totalChars = 1;
        foreach (int k in order) totalChars += lengths[k];
        int cap = (int)Math.Min(totalChars, int.MaxValue - 1);

        // Each node owns a range [lo, hi) of `order` (the keys sharing its prefix) and the prefix length.
        var lo = new int[cap];
        var hi = new int[cap];
        var depth = new int[cap];
        var label = new char[cap];
        var first = new int[cap + 1];
        hi[0] = order.Length;
        int count = 1;
        for (int n = 0; n < count; n++)
        {
            first[n] = count;
            int k = lo[n], end = hi[n], d = depth[n];
            // In ordinal order the key equal to the prefix itself sorts first.
            if (k < end && lengths[order[k]] == d) keyNode[order[k++]] = n;
            while (k < end)
            {
                char c = buffer[starts[order[k]] + d];
                int g = k + 1;
                while (g < end && buffer[starts[order[g]] + d] == c) g++;
                int id = count++;
                label[id] = c;
                lo[id] = k;
                hi[id] = g;
                depth[id] = d + 1;
                k = g;
            }
        }
        first[count] = count;

        var root = new int[65536];
        for (int id = first[0]; id < first[1]; id++) root[label[id]] = id;
        Array.Resize(ref label, count);
        Array.Resize(ref first, count + 1);
        return new CharTrie(root, first, label);
    }

    /// <summary>Key indices in ordinal key order, one per distinct key: the last given wins, like a dictionary assignment.</summary>
    public static int[] SortedUnique(string buffer, int[] starts, int[] lengths, int count)
    {
        var order = new int[count];
        for (int i = 0; i < count; i++) order[i] = i;
        ReadOnlySpan<char> Key(int i) => buffer.AsSpan(starts[i], lengths[i]);
        int Compare(int a, int b)
        {
            int c = Key(a).SequenceCompareTo(Key(b));
            return c != 0 ? c : a.CompareTo(b);
        }
        bool sorted = true; // the embedded dictionary is stored sorted, so loading skips the sort
        for (int i = 1; i < count && sorted; i++) sorted = Compare(i - 1, i) < 0;
        if (!sorted) Array.Sort(order, Compare);

        int n = 0;
        for (int i = 0; i < count; i++)
        {
            if (i + 1 < count && Key(order[i]).SequenceEqual(Key(order[i + 1]))) continue;
            order[n++] = order[i];
        }
        Array.Resize(ref order, n);
        return order;
    }
}
