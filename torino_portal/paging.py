from django.core.paginator import InvalidPage, Paginator
from django.http import Http404


def paginate(request, object_list, per_page):
    """The `?page=` page of `object_list`; a page that is not a number or out of range is 404."""
    paginator = Paginator(object_list, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except InvalidPage as error:
        raise Http404(str(error)) from error
