import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

import { builtinNodeTypes } from './builtin-nodes';

export type AnyNodeType = INodeType | IVersionedNodeType;
/** Node classes (instances) keyed by the type name used in workflow JSON, e.g. `n8n-nodes-smsc.smsc`. */
export type NodeTypeMap = Record<string, AnyNodeType>;

const PACKAGE_NAME: string = require('../../package.json').name;

/** The registry n8n-core asks for node types (`workflow.nodeTypes`). Built-ins are always present. */
export class HarnessNodeTypes implements INodeTypes {
	private readonly types: NodeTypeMap;

	constructor(types: NodeTypeMap = {}) {
		this.types = { ...builtinNodeTypes, ...types };
	}

	add(name: string, type: AnyNodeType): void {
		this.types[name] = type;
	}

	getByName(nodeType: string): AnyNodeType {
		const type = this.types[nodeType];
		if (!type) {
			throw new UnexpectedError(
				`Unknown node type "${nodeType}". Known: ${Object.keys(this.types).join(', ')}`,
			);
		}
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

/** The description of the default version of a (possibly versioned) node type. */
export function latestDescription(type: AnyNodeType): INodeTypeDescription {
	return NodeHelpers.getVersionedNodeType(type).description;
}

/** Highest version of a node type (what n8n puts on a freshly added node). */
export function latestVersion(type: AnyNodeType): number {
	if ('nodeVersions' in type) return Math.max(...Object.keys(type.nodeVersions).map(Number));
	const { version } = type.description;
	return Array.isArray(version) ? Math.max(...version) : version;
}

/**
 * Type name for a node class that is not placed in a workflow by the test: a name that already
 * contains a dot is used as is, otherwise it gets this package's prefix, as n8n's loader does
 * (`smsc` → `n8n-nodes-smsc.smsc`).
 */
export function defaultTypeName(type: AnyNodeType): string {
	const name = type.description.name;
	return name.includes('.') ? name : `${PACKAGE_NAME}.${name}`;
}
