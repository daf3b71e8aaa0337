import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestOptions,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

import { RelatelApi } from '../../credentials/RelatelApi.credentials';
import { RelatelOAuth2Api } from '../../credentials/RelatelOAuth2Api.credentials';

export const credentialTypes: Record<string, ICredentialType> = {
	relatelApi: new RelatelApi(),
	relatelOAuth2Api: new RelatelOAuth2Api(),
};

function resolve(template: string, credentials: ICredentialDataDecryptedObject): string {
	const text = template.startsWith('=') ? template.slice(1) : template;
	return text.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_m, name: string) => String(credentials[name] ?? ''));
}

/**
 * The credentials side of n8n for tests: hands out the decrypted data we give it and
 * applies a credential type's generic `authenticate` block the way n8n does.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(name: string): string[] {
		return credentialTypes[name]?.extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		const options = requestOptions as IHttpRequestOptions;
		const authenticate = credentialTypes[typeName]?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);
		if (authenticate?.type === 'generic') {
			const headers = { ...(options.headers ?? {}) };
			for (const [key, value] of Object.entries(authenticate.properties.headers ?? {})) {
				headers[key] = resolve(String(value), credentials);
			}
			return { ...options, headers };
		}
		return options;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used in tests');
	}

	async getDecrypted(
		_additionalData: unknown,
		_details: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		return structuredClone(data);
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialTypes[type]?.properties ?? [];
	}
}
