"""Members, contact persons and the stakeholder map, as their pages list them (stakeholders.selectors)."""

from rest_framework import serializers

from stakeholders.models import ContactPerson, Membership, Organisation, StakeholderMapEntry


class OrganisationSerializer(serializers.ModelSerializer):
    """An organisation of the registry: `iati_type` is its IATI OrganisationType code, `country` an ISO 3166 code."""

    iati_type = serializers.CharField(source="iati_type_id", read_only=True, allow_null=True)
    country = serializers.CharField(source="country_id", read_only=True, allow_null=True)

    class Meta:
        model = Organisation
        fields = ["id", "name", "short_name", "sector", "iati_type", "country", "iati_identifier"]
        read_only_fields = fields


class OrganisationRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["id", "name"]
        read_only_fields = fields


class MembershipSerializer(serializers.ModelSerializer):
    organisation = OrganisationSerializer(read_only=True)
    is_current = serializers.BooleanField(source="current", read_only=True)

    class Meta:
        model = Membership
        fields = [
            "id",
            "organisation",
            "role",
            "iati_role",
            "is_core_group",
            "joined_on",
            "left_on",
            "is_current",
            "capacity_person_days",
        ]
        read_only_fields = fields


class ContactSerializer(serializers.ModelSerializer):
    organisation = OrganisationRefSerializer(read_only=True)
    is_member = serializers.BooleanField(read_only=True, help_text="Its organisation is an active member today.")

    class Meta:
        model = ContactPerson
        fields = [
            "id",
            "organisation",
            "is_member",
            "name",
            "job_title",
            "seniority",
            "email",
            "phone",
            "is_active",
            "may_sign",
        ]
        read_only_fields = fields


class MapEntrySerializer(serializers.ModelSerializer):
    organisation = OrganisationRefSerializer(read_only=True)
    country = serializers.CharField(source="country_id", read_only=True, allow_null=True)
    quadrant = serializers.CharField(read_only=True)
    is_key_stakeholder = serializers.BooleanField(read_only=True)
    is_member = serializers.BooleanField(read_only=True)

    class Meta:
        model = StakeholderMapEntry
        fields = [
            "id",
            "organisation",
            "is_member",
            "power",
            "interest",
            "influence",
            "quadrant",
            "engagement",
            "is_key",
            "is_key_stakeholder",
            "is_target_group",
            "is_champion",
            "country",
            "last_engaged_on",
            "notes",
            "updated_at",
        ]
        read_only_fields = fields
