// Hand-written; NSwag copies it into src/kboss-client.ts (extensionCode in nswag.json). ADR 0024.

/** A kboss failure: the envelope's status:false (HTTP 200), or a 401/403/404/5xx envelope. */
export class KbossError extends Error {
    constructor(
        /** Machine-readable code (ErrorCodes: invalid_argument, unauthenticated, forbidden, …). */
        public readonly code: string,
        /** The Chinese message of the envelope. */
        public readonly msg: string,
        /** Per-parameter validation messages (documented parameter names), when validation failed. */
        public readonly errors: { [param: string]: string[] } | undefined,
        /** The HTTP status (200 for business failures). */
        public readonly httpStatus: number,
    ) {
        super(`${code}: ${msg}`);
        this.name = "KbossError";
    }
}

/** Base of the generated client: sends the bearer token and turns a failure envelope into a KbossError. */
export class KbossClientBase {
    /** The JWT from login (data.token); sent as "Authorization: Bearer". */
    token?: string;

    protected transformOptions(options: RequestInit): Promise<RequestInit> {
        if (this.token)
            options.headers = { ...(options.headers as Record<string, string>), Authorization: `Bearer ${this.token}` };
        return Promise.resolve(options);
    }

    protected async transformResult(_url: string, response: Response, processor: (r: Response) => any): Promise<any> {
        const type = response.headers.get("content-type") ?? "";
        if (!type.includes("json")) return processor(response);
        const body = await response.clone().json().catch(() => undefined);
        if (body && typeof body === "object" && body.status === false)
            throw new KbossError(String(body.code ?? "unknown"), String(body.msg ?? body.info ?? ""), body.errors,
                response.status);
        return processor(response);
    }
}
