

def test_item_page_shows_local_labels_to_those_who_may_see_the_region(make_app):
    """A region that calls an item its own way: the label shows beside the official name."""
    import types

    from core.hookspecs import hookimpl
    from core.specs import RegionInfo
    from tests.conftest import login

    module = types.ModuleType("labelling_region")
    module.REGION_CODE = "91"
    module.pelita_region_info = hookimpl(lambda: RegionInfo(
        code="91", name="Provinsi Uji", level="provinsi", agency_name="Dinas Sosial Uji",
        name_en="Test Province", agency_name_en="Test Social Services"))
    module.pelita_nomenclature_labels = hookimpl(
        lambda region, version: (("1.06.04", "Program Rehsos Daerah"),) if version == "pmdn90-2019" else None)
    app = make_app(regions=["prov_lampung"], extra_plugins=[("labels", module)], seed=True, users=True)
    url = "/nomenclature/v/pmdn90-2019/provinsi/1.06.04"
    admin = app.test_client()
    login(admin, "admin")
    assert "Nama setempat: Provinsi Uji" in admin.get(url).get_data(as_text=True)
    assert "Program Rehsos Daerah" in admin.get(url).get_data(as_text=True)
    lampung = app.test_client()
    login(lampung, "lampung")  # may not see region 91: its label is not shown
    assert "Program Rehsos Daerah" not in lampung.get(url).get_data(as_text=True)
