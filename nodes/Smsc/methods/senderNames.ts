import type { ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

/** Active sender names of the account, for pickers. */
export async function getSenderNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return [];
}

export async function searchSenderNames(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return { results: [] };
}
