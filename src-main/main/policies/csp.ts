// The policy is shared with the web host; it lives with the contract both shells serve.
export { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, securityHeaders } from '../../contract/content-security-policy';
