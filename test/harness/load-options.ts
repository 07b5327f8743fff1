/**
 * Pickers: `methods.loadOptions` / `methods.listSearch`, called the way n8n's
 * DynamicNodeParametersService does it: a temporary one-node workflow ("Temp-Node") holding the
 * current parameters and credentials, `additionalData.currentNodeParameters` set, and a real
 * n8n-core `LoadOptionsContext`.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { INodeListSearchResult, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

import { createAdditionalData } from './additional-data';
import type { AnyNodeType } from './node-types';
import type { SingleNodeOptions } from './single-node';
import { setupSingleNode } from './single-node';

export interface LoadOptionsOptions extends SingleNodeOptions {
	/** Path of the parameter being loaded, e.g. `parameters.group` (used by `&`-relative lookups). Default `parameters.<methodName>`. */
	path?: string;
}

function typeFor(nodeType: AnyNodeType, version: number | undefined): INodeType {
	return NodeHelpers.getVersionedNodeType(nodeType, version);
}

function missing(
	type: INodeType,
	kind: string,
	methodName: string,
	known: object | undefined,
): never {
	throw new UnexpectedError(
		`Node type "${type.description.name}" has no methods.${kind}.${methodName} (has: ${Object.keys(known ?? {}).join(', ') || 'none'})`,
	);
}

function createContext(nodeType: AnyNodeType, methodName: string, options: LoadOptionsOptions) {
	const { workflow, node, credentialsHelper } = setupSingleNode(nodeType, {
		nodeName: 'Temp-Node',
		...options,
	});
	const additionalData = createAdditionalData({
		credentialsHelper,
		currentNodeParameters: options.parameters ?? {},
	});
	return new LoadOptionsContext(
		workflow,
		node,
		additionalData,
		options.path ?? `parameters.${methodName}`,
	);
}

export async function loadOptions(
	nodeType: AnyNodeType,
	methodName: string,
	options: LoadOptionsOptions = {},
): Promise<INodePropertyOptions[]> {
	const type = typeFor(nodeType, options.typeVersion);
	const method = type.methods?.loadOptions?.[methodName];
	if (!method) missing(type, 'loadOptions', methodName, type.methods?.loadOptions);
	return await method.call(createContext(nodeType, methodName, options));
}

export async function listSearch(
	nodeType: AnyNodeType,
	methodName: string,
	options: LoadOptionsOptions & { filter?: string; paginationToken?: string } = {},
): Promise<INodeListSearchResult> {
	const type = typeFor(nodeType, options.typeVersion);
	const method = type.methods?.listSearch?.[methodName];
	if (!method) missing(type, 'listSearch', methodName, type.methods?.listSearch);
	return await method.call(
		createContext(nodeType, methodName, options),
		options.filter,
		options.paginationToken,
	);
}
