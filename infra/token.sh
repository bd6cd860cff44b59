#!/usr/bin/env bash
# Prints an access token for an orderwatch user, from the identity server of the running stack, by the standard
# OAuth2 authorization code flow with PKCE (what any OIDC client library does), driven with curl:
#   TOKEN=$(infra/token.sh alex.morgan)
#   curl -H "Authorization: Bearer $TOKEN" http://localhost:8081/orders
# The password defaults to the demo users' one (DEMO_PASSWORD, else orderwatch-demo). Tokens last 15 minutes.
set -euo pipefail
user=${1:?usage: infra/token.sh <username> [password]}
password=${2:-${DEMO_PASSWORD:-orderwatch-demo}}
issuer=${ORDERWATCH_ISSUER:-http://localhost:9000}
client=orderwatch-cli
redirect=http://127.0.0.1:8400/callback
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT

b64url() { base64 | tr '+/' '-_' | tr -d '=\n'; }
verifier=$(head -c 32 /dev/urandom | b64url)
# S256 code challenge: base64url(sha256(verifier)), with only coreutils
challenge=$(printf '%b' "$(printf %s "$verifier" | sha256sum | cut -d' ' -f1 | sed 's/../\\x&/g')" | b64url)
state=$(head -c 12 /dev/urandom | b64url)

authorize="$issuer/oauth2/authorize?response_type=code&client_id=$client&scope=openid&state=$state"
authorize+="&redirect_uri=$redirect&code_challenge=$challenge&code_challenge_method=S256"

# 1. ask for a code: the server remembers the request and sends us to its sign-in page
curl -fsS -H "Accept: text/html" -c "$jar" -b "$jar" -o /dev/null "$authorize"
# 2. sign in (the form carries a CSRF token)
csrf=$(curl -fsS -c "$jar" -b "$jar" "$issuer/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
next=$(curl -sS -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "username=$user" \
  --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" "$issuer/login")
case "$next" in *error*) echo "sign-in refused for $user" >&2; exit 1 ;; esac
# 3. back to the authorization request, now signed in: the answer redirects to us with the code
location=$(curl -sS -H "Accept: text/html" -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$next")
code=$(printf %s "$location" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')
if [ -z "$code" ]; then echo "no authorization code (got: $location)" >&2; exit 1; fi
# 4. exchange the code (and the PKCE verifier) for tokens
response=$(curl -fsS -d grant_type=authorization_code -d "client_id=$client" --data-urlencode "code=$code" \
  --data-urlencode "redirect_uri=$redirect" -d "code_verifier=$verifier" "$issuer/oauth2/token")
printf %s "$response" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
