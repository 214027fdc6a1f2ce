import django,os,time,json,zipfile
os.environ.setdefault("DJANGO_SETTINGS_MODULE","msp.settings")
django.setup()
from msp.models import Partnership
from transfer.export import build_export
for p in Partnership.objects.all():
    t=time.time()
    with open(f"/tmp/exp-{p.pk}.zip","wb") as f: m=build_export(p,f)
    print(p.pk,p.name,round(time.time()-t,2),"s",os.path.getsize(f"/tmp/exp-{p.pk}.zip"))
    print({k:v for k,v in m["counts"].items()})
