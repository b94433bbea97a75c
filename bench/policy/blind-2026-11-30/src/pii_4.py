# Hand-written PII records, part 4: secrets in configs, CLI, code, HTTP, tokenized URLs (English).
# Key/token values are from gen_values.py or typed by hand; all synthetic.

RECORDS = [
    ("en",
     "# .env.production\nDATABASE_URL=postgres://billing:Xk7#pQ9vLm2@pg-main.internal:5432/billing\nSTRIPE_SECRET_KEY=sk_live_4wGaRHWX8ZdbH4VHmIpvvYnA\nFEATURE_NEW_CHECKOUT=false\nAPP_VERSION=2.4.1.9\nLOG_LEVEL=info",
     [("SECRET", "Xk7#pQ9vLm2"), ("SECRET", "sk_live_4wGaRHWX8ZdbH4VHmIpvvYnA")],
     [("VERSION", "2.4.1.9")]),

    ("en",
     "[default]\naws_access_key_id = AKIAT5UX6GWQP6FTC6CD\naws_secret_access_key = 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\nregion = eu-central-1\n\n[readonly]\naws_access_key_id = AKIA65LT7WFUWG6BOBWI\naws_secret_access_key = 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",
     [("AWS_ACCESS_KEY", "AKIAT5UX6GWQP6FTC6CD"), ("SECRET", "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"),
      ("AWS_ACCESS_KEY", "AKIA65LT7WFUWG6BOBWI"), ("SECRET", "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")],
     []),

    ("en",
     "$ mysql -h 10.4.2.17 -u root -pT0ps3cret!2026 inventory\n$ curl -H 'Authorization: token ghp_ZardtWuLQS0FOh5sCyhNeNpXLFMP3ZYSWd3x' https://api.github.com/user\n$ git log --oneline | head -3",
     [("IP_ADDRESS", "10.4.2.17"), ("SECRET", "T0ps3cret!2026"), ("SECRET", "ghp_ZardtWuLQS0FOh5sCyhNeNpXLFMP3ZYSWd3x")],
     []),

    ("en",
     "<script src=\"https://maps.googleapis.com/maps/api/js?key=AIzahyYu8g4l2WOzYS6GUeA0FjF6145yhVs6SSx&callback=initMap\" async defer></script>",
     [("GOOGLE_API_KEY", "AIzahyYu8g4l2WOzYS6GUeA0FjF6145yhVs6SSx")],
     []),

    ("en",
     "const firebaseConfig = {\n  apiKey: \"AIzavRwCdoRCpYQzylfeYAuGjEQ9B88rPCt-aJz\",\n  authDomain: \"petpal-4471.firebaseapp.com\",\n  projectId: \"petpal-4471\",\n  appId: \"1:4471:web:9c1e2f\"\n};",
     [("GOOGLE_API_KEY", "AIzavRwCdoRCpYQzylfeYAuGjEQ9B88rPCt-aJz")],
     []),

    ("en",
     "slack:\n  bot_token: xoxb-261090834530-1946006123791-qWy9GWzgy6kqefAyIjB44Cnj\n  channel: \"#alerts\"\n  signing_secret: 8c6b480f08ed18d17266ede988030fee\nretry: 3",
     [("SECRET", "xoxb-261090834530-1946006123791-qWy9GWzgy6kqefAyIjB44Cnj"), ("SECRET", "8c6b480f08ed18d17266ede988030fee")],
     []),

    ("en",
     "apiVersion: v1\nkind: Secret\nmetadata:\n  name: redis-auth\ntype: Opaque\nstringData:\n  REDIS_PASSWORD: \"mR9!vQ2#zL8wT4\"\n  REDIS_HOST: redis-master.cache.svc.cluster.local",
     [("SECRET", "mR9!vQ2#zL8wT4")],
     []),

    ("en",
     "docker run -d --name pg -e POSTGRES_USER=admin -e POSTGRES_PASSWORD='Lz4$kW9pQ!x' -p 5432:5432 postgres:16.4.2",
     [("SECRET", "Lz4$kW9pQ!x")],
     [("VERSION", "16.4.2")]),

    ("en",
     "GET /api/v2/me HTTP/1.1\nHost: api.lumenapp.example\nAuthorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhY2N0LTc3MzEiLCJpYXQiOjE3OTUwODY0MDAsImV4cCI6MTc5NTA5MDAwMCwicm9sZSI6ImFkbWluIn0.kjS1hs3pwopNPR9tqctnmWcCAmxbn90Oa0X4aR85Bl4\nX-Request-Id: 5e0c7a12-9b44-4f3c-8d21-6a7b8c9d0e1f\nUser-Agent: curl/8.5.0",
     [("JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhY2N0LTc3MzEiLCJpYXQiOjE3OTUwODY0MDAsImV4cCI6MTc5NTA5MDAwMCwicm9sZSI6ImFkbWluIn0.kjS1hs3pwopNPR9tqctnmWcCAmxbn90Oa0X4aR85Bl4")],
     [("UUID", "5e0c7a12-9b44-4f3c-8d21-6a7b8c9d0e1f"), ("VERSION", "8.5.0")]),

    ("en",
     "Cookie: theme=dark; session=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJtLmtlbGxlciIsImlhdCI6MTc5NTE3MjgwMCwiZXhwIjoxNzk1MTc2NDAwLCJyb2xlIjoidXNlciJ9.sxE5LeqQZc5sHFXcm09UgrUIY6mACNpQ43xyxvykbMM; _ga=GA1.2.1183344210.1795000000",
     [("JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJtLmtlbGxlciIsImlhdCI6MTc5NTE3MjgwMCwiZXhwIjoxNzk1MTc2NDAwLCJyb2xlIjoidXNlciJ9.sxE5LeqQZc5sHFXcm09UgrUIY6mACNpQ43xyxvykbMM")],
     [("REFERENCE", "GA1.2.1183344210.1795000000")]),

    ("en",
     "# settings.py\nSECRET_KEY = 'django-insecure-7f#v!q2m@x9&kz0w^b4r$t8y'\nDEBUG = False\nALLOWED_HOSTS = ['shop.example.com']\nEMAIL_HOST_PASSWORD = 'smtp-Pa55-Qx7'",
     [("SECRET", "django-insecure-7f#v!q2m@x9&kz0w^b4r$t8y"), ("SECRET", "smtp-Pa55-Qx7")],
     []),

    ("en",
     "db_password   = \"hunter2-Prod-77\"\ninstance_type = \"t3.medium\"\nami_version   = \"2026.11.3.0\"\nbackup_window = \"02:00-03:00\"",
     [("SECRET", "hunter2-Prod-77")],
     [("VERSION", "2026.11.3.0")]),

    ("en",
     "MONGO_URI=mongodb+srv://reporting:q8TzV2mK4pX7@cluster0.ab12c.mongodb.net/analytics?retryWrites=true&w=majority",
     [("SECRET", "q8TzV2mK4pX7")],
     []),

    ("en",
     "CELERY_BROKER_URL=amqp://worker:Rb!t-9911-xZ@rabbit.internal:5672//\nCACHE_URL=redis://:c4cheP4ss77@10.0.3.14:6379/0",
     [("SECRET", "Rb!t-9911-xZ"), ("SECRET", "c4cheP4ss77"), ("IP_ADDRESS", "10.0.3.14")],
     []),

    ("en",
     "Run ./deploy.sh\n  env:\n    DEPLOY_TOKEN: ***\n+ echo \"token=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsImlhdCI6MTc5NTI1OTIwMCwiZXhwIjoxNzk1MjYyODAwLCJyb2xlIjoiYWRtaW4ifQ.Q30qRqJLq6gZR11iGZAElFFgvl-WDUAKJykBjQyGvS8\"\n+ curl -X POST https://deploy.internal/api -d @payload.json",
     [("JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsImlhdCI6MTc5NTI1OTIwMCwiZXhwIjoxNzk1MjYyODAwLCJyb2xlIjoiYWRtaW4ifQ.Q30qRqJLq6gZR11iGZAElFFgvl-WDUAKJykBjQyGvS8")],
     []),

    ("en",
     "//registry.npmjs.org/:_authToken=npm_Q8dW06cB5ua82Doq42HiSpbPDzwSIgTR3rZN\nregistry=https://registry.npmjs.org/\nsave-exact=true",
     [("SECRET", "npm_Q8dW06cB5ua82Doq42HiSpbPDzwSIgTR3rZN")],
     []),

    ("en",
     "spring.datasource.url=jdbc:mysql://10.20.1.5:3306/crm\nspring.datasource.username=crm_app\nspring.datasource.password=Cr3m3-Brul33!\nspring.mail.username=notify@crm.example\nmanagement.endpoints.web.exposure.include=health",
     [("IP_ADDRESS", "10.20.1.5"), ("SECRET", "Cr3m3-Brul33!"), ("EMAIL", "notify@crm.example")],
     []),

    ("en",
     "s3 = boto3.client(\n    's3',\n    aws_access_key_id='AKIAIGJOI36DJHMZFHXW',\n    aws_secret_access_key='hWlsAyAUXLFC3R35zw6PbD1TJcfD/v9uho3k7eQK',\n)\n# TODO: move these to env vars before release 1.0.0.0",
     [("AWS_ACCESS_KEY", "AKIAIGJOI36DJHMZFHXW"), ("SECRET", "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")],
     [("VERSION", "1.0.0.0")]),

    ("en",
     '{"Credentials": {"AccessKeyId": "ASIAWX4YW76HA6BITEDX", "SecretAccessKey": "nrKWyPitiRRiBDN6tvb6sE2fvWUC6Q7lvKLZmG0F", "SessionToken": "IQoJb3JpZ2luX2VjEJr//////////wEaDGV1LWNlbnRyYWwtMSJHMEUCIQD3kZq", "Expiration": "2026-11-30T12:00:00Z"}}',
     [("AWS_ACCESS_KEY", "ASIAWX4YW76HA6BITEDX"), ("SECRET", "nrKWyPitiRRiBDN6tvb6sE2fvWUC6Q7lvKLZmG0F"), ("SECRET", "IQoJb3JpZ2luX2VjEJr//////////wEaDGV1LWNlbnRyYWwtMSJHMEUCIQD3kZq")],
     [("TIMESTAMP", "2026-11-30T12:00:00Z")]),

    ("en",
     "why does this fail?? gcloud says the API key is not valid: AIzaHz4xFOs_r7kfAfyUIezn-pD3zUI_cWnk3k0 — project id weather-dash-2291, sdk 502.0.0",
     [("GOOGLE_API_KEY", "AIzaHz4xFOs_r7kfAfyUIezn-pD3zUI_cWnk3k0")],
     [("VERSION", "502.0.0")]),

    ("en",
     "diff --git a/config/prod.yml b/config/prod.yml\n@@ -12,3 +12,4 @@\n   maps:\n-    key: ${MAPS_KEY}\n+    key: AIzaTRit1WTcNrPm1yu44POX1qEO7t4izSSDXqz\n+    checksum: 35ccdaae9ee3b5bbad1044f99b678a2253932598",
     [("GOOGLE_API_KEY", "AIzaTRit1WTcNrPm1yu44POX1qEO7t4izSSDXqz")],
     [("PLACEHOLDER", "${MAPS_KEY}"), ("HASH", "35ccdaae9ee3b5bbad1044f99b678a2253932598")]),

    ("en",
     "alertmanager:\n  receivers:\n    - name: ops-slack\n      slack_configs:\n        - api_url: https://hooks.slack.com/services/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\n          channel: '#ops-alerts'",
     [("URL_TOKEN", "https://hooks.slack.com/services/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")],
     []),

    ("en",
     "Hi all, join the board call here: https://us06web.zoom.us/j/84417729012?pwd=aGt5Y0RzUlN2b3dXQmx6eVZ4dEJ2UT09 (Meeting ID 844 1772 9012).\n— Rosa Whitfield, Office of the CEO",
     [("URL_TOKEN", "https://us06web.zoom.us/j/84417729012?pwd=aGt5Y0RzUlN2b3dXQmx6eVZ4dEJ2UT09"), ("PERSON", "Rosa Whitfield")],
     [("REFERENCE", "844 1772 9012")]),

    ("en",
     "Your sign-in link for Notepadly: https://app.notepadly.example/auth/magic?code=7f3e9a1b2c4d6e8f0a1b3c5d7e9f1a2b&exp=1795003600 (valid for 15 minutes). Didn't request it? Just ignore this message.",
     [("URL_TOKEN", "https://app.notepadly.example/auth/magic?code=7f3e9a1b2c4d6e8f0a1b3c5d7e9f1a2b&exp=1795003600")],
     []),

    ("en",
     "Here's the folder with the signed contracts: https://www.dropbox.com/scl/fo/8k2m4n6p8q0r/h?rlkey=4xq9z7w2v5t8s1r3p6n0m2k4j&st=ab12cd34&dl=0 — please don't forward it.",
     [("URL_TOKEN", "https://www.dropbox.com/scl/fo/8k2m4n6p8q0r/h?rlkey=4xq9z7w2v5t8s1r3p6n0m2k4j&st=ab12cd34&dl=0")],
     []),

    ("en",
     "WEBHOOK = \"https://discord.com/api/webhooks/1183344210557719040/Zk9yT3mQ7vL2pX8wR4nB6cJ1hF5dS0aG-uE_iO9yT3mQ7vL2pX8wR4nB6c\"\nrequests.post(WEBHOOK, json={\"content\": \"deploy done v7.1.0.12\"})",
     [("URL_TOKEN", "https://discord.com/api/webhooks/1183344210557719040/Zk9yT3mQ7vL2pX8wR4nB6cJ1hF5dS0aG-uE_iO9yT3mQ7vL2pX8wR4nB6c")],
     [("VERSION", "7.1.0.12")]),

    ("en",
     "localStorage:\n  access_token: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwYjZlMWMiLCJpYXQiOjE3OTUzNDU2MDAsImV4cCI6MTc5NTM0OTIwMCwicm9sZSI6InVzZXIifQ.NYMaBdahfm0bEKloLZRJ1Q7JBWZkcgiOkddA52fzg5I\n  refresh_token: rt_ptLbQvFuXTr5RAtg32OaE8ALsuhxvDRIosnxlIbDvn\n  user_id: 4d1c9f20-3b5e-4a71-9c8d-2e6f0a1b7c35",
     [("JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwYjZlMWMiLCJpYXQiOjE3OTUzNDU2MDAsImV4cCI6MTc5NTM0OTIwMCwicm9sZSI6InVzZXIifQ.NYMaBdahfm0bEKloLZRJ1Q7JBWZkcgiOkddA52fzg5I"),
      ("SECRET", "rt_ptLbQvFuXTr5RAtg32OaE8ALsuhxvDRIosnxlIbDvn")],
     [("UUID", "4d1c9f20-3b5e-4a71-9c8d-2e6f0a1b7c35")]),

    ("en",
     "support: can you share the exact request?\nuser: curl -H \"Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJsdWNpYS5mIiwiaWF0IjoxNzk1NDMyMDAwLCJleHAiOjE3OTU0MzU2MDAsInJvbGUiOiJhZG1pbiJ9.gQ3ZUc3xGnAPudO3wdisfcPJg2VURqJ7ipSkd7vqQm0\" https://api.example-pay.com/v1/balance\nsupport: please revoke that token, you've just posted it in a public channel",
     [("JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJsdWNpYS5mIiwiaWF0IjoxNzk1NDMyMDAwLCJleHAiOjE3OTU0MzU2MDAsInJvbGUiOiJhZG1pbiJ9.gQ3ZUc3xGnAPudO3wdisfcPJg2VURqJ7ipSkd7vqQm0")],
     []),

    ("en",
     "Docs convention: use placeholder values like API_KEY=your-api-key-here, AWS_ACCESS_KEY_ID=<your-access-key-id> and password=<changeme>. The release checksum is sha256:e243d91f2b1a83f417988582223c4d077dbbc4d68ff6805e139d9218fc1a3b17.",
     [],
     [("PLACEHOLDER", "your-api-key-here"), ("PLACEHOLDER", "<your-access-key-id>"), ("PLACEHOLDER", "<changeme>"),
      ("HASH", "e243d91f2b1a83f417988582223c4d077dbbc4d68ff6805e139d9218fc1a3b17")]),

    ("en",
     "Someone committed the example pair from the AWS docs to our repo: AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY. Scanners will flag it anyway, so please scrub it.",
     [("AWS_ACCESS_KEY", "AKIAIOSFODNN7EXAMPLE"), ("SECRET", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")],
     []),

    ("en",
     "sshpass -p 'Gr33nT3a&Honey' ssh ops@198.51.100.88 'sudo systemctl restart api'",
     [("SECRET", "Gr33nT3a&Honey"), ("IP_ADDRESS", "198.51.100.88")],
     []),

    ("en",
     "# ~/.pgpass\ndb-replica.internal:5432:*:reporter:N0rth-Star-4471\n10.8.0.21:5432:payroll:hr_ro:Payr0ll#RO",
     [("SECRET", "N0rth-Star-4471"), ("IP_ADDRESS", "10.8.0.21"), ("SECRET", "Payr0ll#RO")],
     []),
]
