"""A software security key for tests: it makes real WebAuthn credentials and signatures (P-256, the "none"
attestation) that allauth's fido2 server verifies as it would a hardware key's; only the browser is left out.

The options come from the page, as a browser reads them: the JSON that allauth puts in <script id="js_data">.
"""

import hashlib
import json
import os
import re
from html import unescape

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from fido2.cose import ES256
from fido2.utils import websafe_decode, websafe_encode
from fido2.webauthn import (
    Aaguid,
    AttestationObject,
    AttestedCredentialData,
    AuthenticatorData,
    CollectedClientData,
)

FLAGS = AuthenticatorData.FLAG


def page_options(html: str) -> dict:
    """The WebAuthn options a page hands to its script (allauth's `js_data`)."""
    data = re.search(r'<script id="js_data" type="application/json">(.*?)</script>', html, re.S).group(1)
    return json.loads(unescape(data))


class SoftwareAuthenticator:
    def __init__(self, *, origin: str = "https://testserver"):
        self.origin = origin
        self.private_key = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = os.urandom(32)
        self.user_handle = b""
        self.counter = 0

    def _rp_id_hash(self, rp_id: str) -> bytes:
        return hashlib.sha256(rp_id.encode()).digest()

    def create(self, creation_options: dict) -> str:
        """navigator.credentials.create(): a new credential for the options' relying party and user, as JSON."""
        options = creation_options["publicKey"]
        self.user_handle = websafe_decode(options["user"]["id"])
        client_data = CollectedClientData.create("webauthn.create", options["challenge"], self.origin)
        credential = AttestedCredentialData.create(
            Aaguid.NONE, self.credential_id, ES256.from_cryptography_key(self.private_key.public_key())
        )
        auth_data = AuthenticatorData.create(self._rp_id_hash(options["rp"]["id"]), FLAGS.UP | FLAGS.AT, 0, credential)
        attestation = AttestationObject.create("none", auth_data, {})
        return json.dumps(
            {
                "type": "public-key",
                "id": websafe_encode(self.credential_id),
                "rawId": websafe_encode(self.credential_id),
                "authenticatorAttachment": "cross-platform",
                "response": {
                    "clientDataJSON": websafe_encode(client_data),
                    "attestationObject": websafe_encode(attestation),
                },
                "clientExtensionResults": {"credProps": {"rk": False}},
            }
        )

    def get(self, request_options: dict, *, rp_id: str = "testserver") -> str:
        """navigator.credentials.get(): an assertion signed with this key over the options' challenge, as JSON."""
        options = request_options["publicKey"]
        self.counter += 1
        client_data = CollectedClientData.create("webauthn.get", options["challenge"], self.origin)
        auth_data = AuthenticatorData.create(self._rp_id_hash(options.get("rpId", rp_id)), FLAGS.UP, self.counter)
        signature = self.private_key.sign(bytes(auth_data) + client_data.hash, ec.ECDSA(hashes.SHA256()))
        return json.dumps(
            {
                "type": "public-key",
                "id": websafe_encode(self.credential_id),
                "rawId": websafe_encode(self.credential_id),
                "authenticatorAttachment": "cross-platform",
                "response": {
                    "clientDataJSON": websafe_encode(client_data),
                    "authenticatorData": websafe_encode(auth_data),
                    "signature": websafe_encode(signature),
                    "userHandle": websafe_encode(self.user_handle),
                },
                "clientExtensionResults": {},
            }
        )
