/** POSTs `form` the way an HTML form does (application/x-www-form-urlencoded). */
export async function postForm(url: string, form: Record<string, string>): Promise<Response> {
	return await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(form).toString(),
	});
}
