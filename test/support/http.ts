/** Requests the tests make as a browser or as SMSC would, without the node. */

/**
 * POSTs form fields to `url` as a browser's form or an SMSC callback does
 * (application/x-www-form-urlencoded); `form` as fields, or as a body already encoded.
 */
export async function postForm(
	url: string,
	form: Record<string, string> | string,
): Promise<Response> {
	return await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: typeof form === 'string' ? form : new URLSearchParams(form).toString(),
	});
}
