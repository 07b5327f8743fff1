import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/**
 * The description of a test-only node: what n8n requires of every node type (group, version,
 * defaults, inputs, outputs) filled in once, so each stand-in states only what makes it itself.
 * A node in the `trigger` group has no input.
 */
export function testNodeDescription(
	node: Pick<INodeTypeDescription, 'displayName' | 'name' | 'description' | 'properties'> &
		Partial<INodeTypeDescription>,
): INodeTypeDescription {
	const trigger = node.group?.includes('trigger') === true;
	return {
		group: ['transform'],
		version: 1,
		defaults: { name: node.displayName },
		inputs: trigger ? [] : [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		...node,
	};
}
