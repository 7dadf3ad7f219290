// Small syntax-tree helpers shared by the renderer (mdast and hast alike).

/** A node as far as a walk needs it. */
export interface AnyNode {
  type: string;
  value?: unknown;
  children?: unknown[];
}

/** Whether any node in the tree (the root included) passes `test`; stops at the first that does. */
export function someNode(root: AnyNode, test: (node: AnyNode) => boolean): boolean {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as AnyNode;
    if (test(n)) return true;
    if (n.children) for (const c of n.children) stack.push(c as AnyNode);
  }
  return false;
}
