import type { IDataObject } from 'n8n-workflow';

/**
 * n8n wraps workflow static data in `ObservableObject` proxies (in place) and persists it as
 * JSON. After a harness call we do the same round trip on the caller's object, so the test keeps
 * plain data it can pass in again and it only ever holds what n8n would have saved.
 */
export function persistStaticData(staticData: IDataObject | undefined): void {
	if (!staticData) return;
	for (const key of Object.keys(staticData)) {
		const value = staticData[key];
		staticData[key] =
			value === undefined ? value : (JSON.parse(JSON.stringify(value)) as IDataObject);
	}
}
