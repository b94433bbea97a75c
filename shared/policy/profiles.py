"""Policy profiles (strict, standard, off, custom) and a tenant's `PolicySettings`.

A profile maps each detector to an action: `redact` (reversible placeholder, restored in the answer),
`mask` (irreversible), `block` (400 naming policy and detector) or `allow` (pass, counted in the log).
Everything is validated when a Tenant is built, so a malformed profile is rejected when it is saved.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

__all__ = [
    "BUILTIN_PROFILES",
    "DETECTOR_TYPES",
    "PII_TYPES",
    "SECRET_TYPES",
    "Action",
    "CustomProfile",
    "ModelArmorSettings",
    "PolicySettings",
    "Profile",
    "resolve_profile",
]


class Action(StrEnum):
    REDACT = "redact"
    MASK = "mask"
    BLOCK = "block"
    ALLOW = "allow"


SECRET_TYPES = ("GCP_PRIVATE_KEY", "JWT", "GOOGLE_API_KEY", "AWS_ACCESS_KEY", "URL_TOKEN", "SECRET")
PII_TYPES = (
    "IBAN", "CREDIT_CARD", "EMAIL", "US_SSN", "PASSPORT", "DATE_OF_BIRTH", "PHONE", "IP_ADDRESS",
    "ADDRESS", "PERSON",
)  # fmt: skip
DETECTOR_TYPES = frozenset(SECRET_TYPES + PII_TYPES)
OutputAction = Literal["mask", "block", "allow"]


class Profile(BaseModel):
    """A resolved profile: one action per detector type for the request, one for the answer."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    actions: dict[str, Action]
    output: dict[str, OutputAction]

    def action(self, kind: str) -> Action:
        return self.actions.get(kind, Action.ALLOW)

    @cached_property  # a profile is frozen and lives as long as its tenant: computed once, not per request
    def inactive(self) -> bool:
        return all(a is Action.ALLOW for a in self.actions.values()) and not self.output_types

    @cached_property
    def output_types(self) -> frozenset[str]:
        """The detector types whose answer-side action is not `allow` (what the output check runs)."""
        return frozenset(kind for kind, action in self.output.items() if action != "allow")


def _profile(name: str, secrets: Action, pii: Action, out_secret: OutputAction, out_pii: OutputAction,
             **overrides: Action) -> Profile:  # fmt: skip
    actions = {k: secrets for k in SECRET_TYPES} | {k: pii for k in PII_TYPES} | overrides
    output: dict[str, OutputAction] = {k: out_secret for k in SECRET_TYPES} | {k: out_pii for k in PII_TYPES}
    return Profile(name=name, actions=actions, output=output)


BUILTIN_PROFILES: dict[str, Profile] = {
    # everything reversible; IPs are usually technical context, so they pass and are counted
    "standard": _profile("standard", Action.REDACT, Action.REDACT, "mask", "allow", IP_ADDRESS=Action.ALLOW),
    # credentials never leave; PII reversible; the answer may carry neither
    "strict": _profile("strict", Action.BLOCK, Action.REDACT, "block", "mask"),
    "off": _profile("off", Action.ALLOW, Action.ALLOW, "allow", "allow"),
}


def _known(kinds: dict[str, str]) -> None:
    unknown = sorted(set(kinds) - DETECTOR_TYPES)
    if unknown:
        raise ValueError(f"unknown detector(s) {unknown}; known: {sorted(DETECTOR_TYPES)}")


class CustomProfile(BaseModel):
    """A built-in profile with overrides, e.g. {"base": "standard", "actions": {"EMAIL": "allow"}}."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field("custom", pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")
    base: Literal["strict", "standard", "off"] = "standard"
    actions: dict[str, Action] = Field(default_factory=dict)
    output: dict[str, OutputAction] = Field(default_factory=dict)

    @field_validator("actions", "output")
    @classmethod
    def _known_detectors(cls, value: dict[str, str]) -> dict[str, str]:
        _known(value)
        return value

    def resolve(self) -> Profile:
        base = BUILTIN_PROFILES[self.base]
        return Profile(
            name=self.name, actions={**base.actions, **self.actions}, output={**base.output, **self.output}
        )


def resolve_profile(profile: str | CustomProfile) -> Profile:
    if isinstance(profile, CustomProfile):
        return profile.resolve()
    try:
        return BUILTIN_PROFILES[profile]
    except KeyError:
        raise ValueError(f"unknown profile `{profile}`; use one of {sorted(BUILTIN_PROFILES)}") from None


class ModelArmorSettings(BaseModel):
    """Vertex AI Model Armor templates, passed through as the request's `modelArmorConfig`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    prompt_template_name: str | None = Field(
        None, pattern=r"^projects/[^/]+/locations/[^/]+/templates/[^/]+$"
    )
    response_template_name: str | None = Field(
        None, pattern=r"^projects/[^/]+/locations/[^/]+/templates/[^/]+$"
    )

    def config(self) -> dict[str, str]:
        out = {}
        if self.prompt_template_name:
            out["promptTemplateName"] = self.prompt_template_name
        if self.response_template_name:
            out["responseTemplateName"] = self.response_template_name
        return out


Host = Annotated[
    str,
    StringConstraints(
        to_lower=True,
        max_length=253,
        min_length=4,
        pattern=r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$",
    ),
]
Region = Annotated[str, StringConstraints(to_upper=True, pattern=r"^[A-Za-z]{2}$")]


class PolicySettings(BaseModel):
    """A tenant's policy: `Tenant.policy`. Unknown keys are rejected so a typo cannot weaken it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    profile: Literal["strict", "standard", "off"] | CustomProfile = "standard"
    injection_threshold: float = Field(
        0.7, ge=0, le=1, description="Score at or above which a prompt counts as an injection attempt."
    )
    injection_action: Literal["block", "allow", "off"] = Field(
        "block", description="block: 400; allow: pass and count in the log; off: do not screen."
    )
    model_armor: ModelArmorSettings | None = None
    link_allow_hosts: tuple[Host, ...] = Field(
        (),
        max_length=200,
        description="Hosts (and their subdomains) that links and images may point to with data in the URL; "
        "elsewhere such a link is an injection signal in the prompt and is masked or blocked in the answer.",
    )
    output_links: OutputAction = Field(
        "mask",
        description="Answer side: what happens to a link or image to a host outside `link_allow_hosts` that "
        "carries data in its URL (zero-click exfiltration): mask, block or allow. Not checked under `off`.",
    )
    phone_regions: tuple[Region, ...] = Field(
        (),
        max_length=20,
        description="ISO 3166-1 regions (e.g. FR, DE, US) whose national phone formats (no +country code) "
        "are recognized in this tenant's prompts, in order of likelihood.",
    )

    name_recognizer: bool = Field(
        False,
        description="Also run the statistical name recognizer (a CRF over tokens that proposes PERSON spans "
        "no list or cue word proposes) on this tenant's prompts and, where the profile checks names in "
        "answers, on its answers: about +3 points of PERSON recall on independent sets, at about 2 ms more "
        "CPU per 2 KB of prose. Off: the rule- and lexicon-based name detectors only.",
    )

    def model_post_init(self, context: object, /) -> None:
        # Resolved at validation (a bad custom profile fails here), kept as plain instance attributes:
        # a pydantic private attribute is read through BaseModel.__getattr__ after the ordinary lookup
        # has raised an AttributeError, ~300x a plain attribute read, and the policy stages read these
        # four times per request. (`cached_property`: pydantic leaves it out of fields, dumps,
        # equality and hashing; the instance dict entry wins over it.)
        self.__dict__["resolved"] = resolve_profile(self.profile)
        self.__dict__["allowed_hosts"] = frozenset(self.link_allow_hosts)

    @cached_property
    def allowed_hosts(self) -> frozenset[str]:
        return frozenset(self.link_allow_hosts)

    @cached_property
    def resolved(self) -> Profile:
        return resolve_profile(self.profile)
